package io.samsa.core.log;

/** The special timestamps of a ListOffsets request, as Kafka defines them. */
public final class ListOffsetsTimestamps {

    /** The log end offset (the consumer's "latest"). */
    public static final long LATEST = -1L;
    /** The log start offset (the consumer's "earliest"). */
    public static final long EARLIEST = -2L;
    /** The offset recorded for the largest timestamp in the log. */
    public static final long MAX_TIMESTAMP = -3L;

    private ListOffsetsTimestamps() {
    }
}
