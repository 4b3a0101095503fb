package io.samsa.core.replication;

import io.samsa.common.Uuid;

/** Where a new follower starts: its topic's id, its leader, the leader epoch and the first offset to fetch. Immutable. */
record InitialFetchState(Uuid topicId, BrokerEndPoint leader, int leaderEpoch, long fetchOffset) {
}
