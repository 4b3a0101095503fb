package io.samsa.core.replication;

import io.samsa.common.TopicPartition;

/**
 * One partition of a fetch: where to read from, how many bytes at most, and the leader epoch the
 * fetcher believes in (-1 if it does not say); a follower also says the epoch of the last batch it
 * has (-1 if none or not said) and where its log starts. Immutable.
 */
public record PartitionFetch(TopicPartition tp, long fetchOffset, int maxBytes, int currentLeaderEpoch, int lastFetchedEpoch,
                             long logStartOffset) {

    /** A consumer's fetch. */
    public PartitionFetch(TopicPartition tp, long fetchOffset, int maxBytes, int currentLeaderEpoch) {
        this(tp, fetchOffset, maxBytes, currentLeaderEpoch, -1, -1L);
    }
}
