package io.samsa.clients.admin;

/**
 * Which offset {@link Admin#listOffsets} looks up for a partition: the earliest, the latest, the
 * one of the record with the largest timestamp, or the first whose timestamp is at or after a
 * given time. Immutable.
 */
public class OffsetSpec {

    /** The log start offset. */
    public static class EarliestSpec extends OffsetSpec {
    }

    /** The log end offset (the last stable offset under read_committed). */
    public static class LatestSpec extends OffsetSpec {
    }

    /** The offset of the record with the largest timestamp (needs ListOffsets v7). */
    public static class MaxTimestampSpec extends OffsetSpec {
    }

    /** The first offset in local storage, for tiered topics (needs ListOffsets v8). */
    public static class EarliestLocalSpec extends OffsetSpec {
    }

    /** The highest offset in tiered storage (needs ListOffsets v9). */
    public static class LatestTieredSpec extends OffsetSpec {
    }

    /** The first offset whose record timestamp is at or after {@link #timestamp()}. */
    public static class TimestampSpec extends OffsetSpec {
        private final long timestamp;

        TimestampSpec(long timestamp) {
            this.timestamp = timestamp;
        }

        public long timestamp() {
            return timestamp;
        }
    }

    public static OffsetSpec earliest() {
        return new EarliestSpec();
    }

    public static OffsetSpec latest() {
        return new LatestSpec();
    }

    public static OffsetSpec maxTimestamp() {
        return new MaxTimestampSpec();
    }

    public static OffsetSpec earliestLocal() {
        return new EarliestLocalSpec();
    }

    public static OffsetSpec latestTiered() {
        return new LatestTieredSpec();
    }

    /** The first offset whose timestamp is at or after {@code timestamp} (ms since the epoch). */
    public static OffsetSpec forTimestamp(long timestamp) {
        return new TimestampSpec(timestamp);
    }
}
