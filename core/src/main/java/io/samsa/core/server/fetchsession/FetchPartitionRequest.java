package io.samsa.core.server.fetchsession;

import io.samsa.common.Uuid;

/**
 * One partition a fetch asks for, as the request (or the fetch session standing in for it) names
 * it: by topic name before Fetch v13, by topic id from v13 (the name is then resolved from the
 * broker's metadata, "" if unknown). Immutable.
 */
public record FetchPartitionRequest(String topic, Uuid topicId, int partition, long fetchOffset, int currentLeaderEpoch,
                                    int lastFetchedEpoch, long logStartOffset, int maxBytes) {

    /** What identifies the partition within a session: the topic id when the session uses ids, else the name. */
    PartitionKey key(boolean usesTopicIds) {
        return new PartitionKey(usesTopicIds ? "" : topic, usesTopicIds ? topicId : Uuid.ZERO, partition);
    }

    public FetchPartitionRequest withTopic(String name) {
        return new FetchPartitionRequest(name, topicId, partition, fetchOffset, currentLeaderEpoch, lastFetchedEpoch, logStartOffset,
                maxBytes);
    }

    /** A partition within a session. */
    record PartitionKey(String topic, Uuid topicId, int partition) {
    }
}
