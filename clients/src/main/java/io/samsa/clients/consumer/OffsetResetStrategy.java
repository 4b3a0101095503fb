package io.samsa.clients.consumer;

import java.util.Locale;

/**
 * Where a consumer starts reading a partition that has no committed offset, or whose offset is out
 * of range ({@code auto.offset.reset}): the latest offset, the earliest, or nowhere (an error).
 * Immutable.
 */
public enum OffsetResetStrategy {
    /** Start at the end: read only records written from now on. */
    LATEST,
    /** Start at the first record the broker still holds. */
    EARLIEST,
    /** Do not guess: throw {@link NoOffsetForPartitionException}. */
    NONE;

    /**
     * The strategy named by an {@code auto.offset.reset} value, in any case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static OffsetResetStrategy forName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** The name as configured: {@code latest}, {@code earliest} or {@code none}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
