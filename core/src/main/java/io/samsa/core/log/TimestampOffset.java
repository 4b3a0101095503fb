package io.samsa.core.log;

/** A timestamp and an offset at or after which a record carries it. Immutable. */
public record TimestampOffset(long timestamp, long offset) {

    public static final long NO_TIMESTAMP = -1L;
}
