package io.samsa.clients.consumer.internals;

import java.util.Optional;

/**
 * Where the consumer reads a partition next: the offset, the leader epoch of the record before it
 * (what KIP-320 validates after a leader change), and the leader epoch the consumer believes is
 * current (sent so a stale leader is fenced). Immutable.
 */
public record FetchPosition(long offset, Optional<Integer> offsetEpoch, Optional<Integer> currentLeaderEpoch) {

    public static FetchPosition of(long offset) {
        return new FetchPosition(offset, Optional.empty(), Optional.empty());
    }

    public FetchPosition withCurrentLeaderEpoch(Optional<Integer> epoch) {
        return new FetchPosition(offset, offsetEpoch, epoch);
    }
}
