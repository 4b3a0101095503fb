package io.samsa.core.controller;

import io.samsa.common.TopicPartition;

import java.util.List;

/**
 * One partition of an AlterPartition request: the ISR its leader proposes, with the leader epoch
 * and partition epoch (the ZooKeeper version of the state) the leader holds. Immutable.
 */
public record IsrChange(TopicPartition tp, int leaderEpoch, List<Integer> newIsr, int partitionEpoch) {

    public IsrChange {
        newIsr = List.copyOf(newIsr);
    }
}
