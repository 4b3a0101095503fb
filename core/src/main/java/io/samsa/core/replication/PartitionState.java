package io.samsa.core.replication;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;

import java.util.List;

/**
 * What the controller told this broker about one partition in a LeaderAndIsr request.
 * Immutable.
 */
public record PartitionState(TopicPartition topicPartition, Uuid topicId, int controllerEpoch, int leader,
                             int leaderEpoch, List<Integer> isr, int zkVersion, List<Integer> replicas,
                             boolean isNew) {
}
