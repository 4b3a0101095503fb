package io.samsa.core.replication;

import io.samsa.common.Uuid;

/**
 * A fetcher's state for one partition: the next offset to fetch, the leader epoch it follows, the
 * epoch of the last batch in the local log (-1 if none), and until when it backs off after an
 * error (0: ready). Immutable.
 */
record PartitionFetchState(Uuid topicId, long fetchOffset, int currentLeaderEpoch, int lastFetchedEpoch, long delayedUntilMs) {

    boolean isReady(long nowMs) {
        return delayedUntilMs <= nowMs;
    }

    PartitionFetchState delayedUntil(long untilMs) {
        return new PartitionFetchState(topicId, fetchOffset, currentLeaderEpoch, lastFetchedEpoch, untilMs);
    }

    PartitionFetchState at(long offset, int lastEpoch) {
        return new PartitionFetchState(topicId, offset, currentLeaderEpoch, lastEpoch, 0L);
    }
}
