package io.samsa.core.coordinator.group;

/**
 * A committed offset as stored in {@code __consumer_offsets}: the offset, the leader epoch of the
 * last consumed record (-1 if unknown), the client's metadata string ("" when none), the commit
 * time, and an explicit expiry time (-1 unless an old client asked for a retention time).
 * Immutable.
 */
public record OffsetAndMetadata(long offset, int leaderEpoch, String metadata, long commitTimestamp, long expireTimestamp) {

    public static final String NO_METADATA = "";
    public static final int NO_LEADER_EPOCH = -1;
    public static final long NO_EXPIRE_TIMESTAMP = -1L;

    public OffsetAndMetadata {
        if (metadata == null) {
            metadata = NO_METADATA;
        }
    }

    public boolean hasExpireTimestamp() {
        return expireTimestamp != NO_EXPIRE_TIMESTAMP;
    }
}
