package io.samsa.tools.cluster;

import java.util.List;

/**
 * A partition {@code samsa-cluster} lists: under-replicated or offline. Immutable.
 *
 * @param leader the leader's broker id, or null when there is none
 */
record PartitionProblem(String topic, int partition, Integer leader, List<Integer> replicas, List<Integer> isr) {

    PartitionProblem {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }
}
