package io.samsa.core.log;

/**
 * A ListOffsets answer: the timestamp found (-1 for earliest/latest), the offset, and the leader
 * epoch of that offset (-1 if unknown). Immutable.
 */
public record TimestampAndOffset(long timestamp, long offset, int leaderEpoch) {
}
