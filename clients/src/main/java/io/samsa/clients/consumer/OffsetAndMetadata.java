package io.samsa.clients.consumer;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * An offset to commit (or committed) for a partition: the offset of the next record to consume,
 * the leader epoch of the last record consumed (so a later reader can detect log truncation), and
 * free-form metadata. Immutable.
 */
public final class OffsetAndMetadata implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long offset;
    private final Integer leaderEpoch;
    private final String metadata;

    /**
     * @param offset the next offset to consume, at least 0
     * @param leaderEpoch the leader epoch of the last record consumed, if known
     * @param metadata free-form text stored with the offset; null is stored as ""
     * @throws IllegalArgumentException if {@code offset} is negative
     */
    public OffsetAndMetadata(long offset, Optional<Integer> leaderEpoch, String metadata) {
        if (offset < 0) {
            throw new IllegalArgumentException("Invalid negative offset " + offset);
        }
        this.offset = offset;
        this.leaderEpoch = leaderEpoch == null ? null : leaderEpoch.orElse(null);
        this.metadata = metadata == null ? "" : metadata;
    }

    /** An offset with metadata and no leader epoch. */
    public OffsetAndMetadata(long offset, String metadata) {
        this(offset, Optional.empty(), metadata);
    }

    /** An offset alone. */
    public OffsetAndMetadata(long offset) {
        this(offset, "");
    }

    /** The next offset to consume. */
    public long offset() {
        return offset;
    }

    /** The metadata stored with the offset; "" when none. */
    public String metadata() {
        return metadata;
    }

    /** The leader epoch, when known; a negative epoch reads as unknown. */
    public Optional<Integer> leaderEpoch() {
        return leaderEpoch == null || leaderEpoch < 0 ? Optional.empty() : Optional.of(leaderEpoch);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffsetAndMetadata other && offset == other.offset && metadata.equals(other.metadata)
                && Objects.equals(leaderEpoch, other.leaderEpoch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(offset, metadata, leaderEpoch);
    }

    @Override
    public String toString() {
        return "OffsetAndMetadata{offset=" + offset + ", leaderEpoch=" + leaderEpoch + ", metadata='" + metadata + "'}";
    }
}
