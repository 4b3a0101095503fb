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

    public long offset() {
        return offset;
    }

    public long timestamp() {
        return timestamp;
    }

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
