package io.samsa.core.replication;

import java.util.List;

/**
 * A partition's leadership as the controller wrote it: leader, leader epoch, ISR and partition
 * epoch (the version of the state znode, bumped by every write). Immutable.
 */
public record LeaderAndIsr(int leader, int leaderEpoch, List<Integer> isr, int partitionEpoch) {

    public LeaderAndIsr {
        isr = List.copyOf(isr);
    }
}
