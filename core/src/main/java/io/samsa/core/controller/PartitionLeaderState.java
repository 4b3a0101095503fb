package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import java.util.List;

/**
 * What the controller tells brokers about one partition in LeaderAndIsr and UpdateMetadata: its
 * topic id, leader, leader epoch, ISR, replicas and the version of its state znode. Immutable.
 *
 * @param controllerEpoch the epoch of the controller that last wrote the partition's state
 * @param leader the leader broker id; -1 when offline; -2 ({@link io.samsa.zk.PartitionState#LEADER_DURING_DELETE})
 *     in UpdateMetadata for a partition whose topic is being deleted (brokers drop it from their metadata)
 * @param replicas every replica, including those a reassignment is adding or removing
 * @param addingReplicas the replicas a reassignment in progress is adding (LeaderAndIsr v3+)
 * @param removingReplicas the replicas a reassignment in progress is removing (LeaderAndIsr v3+)
 * @param offlineReplicas the replicas on brokers that are not live (UpdateMetadata's offline_replicas)
 * @param isNew true in the first LeaderAndIsr for a just-created partition (the broker creates its log)
 */
public record PartitionLeaderState(String topic, Uuid topicId, int partition, int controllerEpoch, int leader, int leaderEpoch,
                                   List<Integer> isr, int zkVersion, List<Integer> replicas, List<Integer> addingReplicas,
                                   List<Integer> removingReplicas, List<Integer> offlineReplicas, boolean isNew) {

    public PartitionLeaderState {
        isr = List.copyOf(isr);
        replicas = List.copyOf(replicas);
        addingReplicas = List.copyOf(addingReplicas);
        removingReplicas = List.copyOf(removingReplicas);
        offlineReplicas = List.copyOf(offlineReplicas);
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    PartitionLeaderState withIsNew(boolean value) {
        return value == isNew ? this : new PartitionLeaderState(topic, topicId, partition, controllerEpoch, leader, leaderEpoch, isr,
                zkVersion, replicas, addingReplicas, removingReplicas, offlineReplicas, value);
    }
}
