package io.samsa.clients.consumer;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code offsetsForTimes} for one partition: the earliest offset whose timestamp is
 * at or after the time asked for, that record's timestamp, and its leader epoch when known.
 * Immutable.
 */
public final class OffsetAndTimestamp {

    private final long offset;
    private final long timestamp;
    private final Optional<Integer> leaderEpoch;

    /** An offset and timestamp without a leader epoch. */
    public OffsetAndTimestamp(long offset, long timestamp) {
        this(offset, timestamp, Optional.empty());
    }

    /** @throws IllegalArgumentException if the offset or timestamp is negative */
    public OffsetAndTimestamp(long offset, long timestamp, Optional<Integer> leaderEpoch) {
        if (offset < 0) {
            throw new IllegalArgumentException("Invalid negative offset " + offset);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("Invalid negative timestamp " + timestamp);
        }
        this.offset = offset;
        this.timestamp = timestamp;
        this.leaderEpoch = leaderEpoch == null ? Optional.empty() : leaderEpoch;
    }

    /** The offset found. */
    public long offset() {
        return offset;
    }

    /** The timestamp of the record at that offset. */
    public long timestamp() {
        return timestamp;
    }

    /** The leader epoch of that record, if the broker sent it. */
    public Optional<Integer> leaderEpoch() {
        return leaderEpoch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetAndTimestamp other && offset == other.offset && timestamp == other.timestamp
                && leaderEpoch.equals(other.leaderEpoch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timestamp, offset, leaderEpoch);
    }

    @Override
    public String toString() {
        return "(timestamp=" + timestamp + ", leaderEpoch=" + leaderEpoch.orElse(null) + ", offset=" + offset + ")";
    }
}
