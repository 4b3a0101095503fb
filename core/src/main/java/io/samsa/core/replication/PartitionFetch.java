package io.samsa.core.replication;

import io.samsa.common.TopicPartition;

/**
 * One partition of a fetch: where to read from, how many bytes at most, and the leader epoch the
 * fetcher believes in (-1 if it does not say). Immutable.
 */
public record PartitionFetch(TopicPartition tp, long fetchOffset, int maxBytes, int currentLeaderEpoch) {
}
