package io.samsa.tools.topics;

import io.samsa.clients.admin.PartitionReassignment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One partition as {@code --describe} shows it, with the questions its filters ask. Immutable.
 *
 * @param leader       the leader's broker id, or null when the partition has none
 * @param reassignment the partition's move in progress, or null
 * @param minIsr       the topic's {@code min.insync.replicas}
 */
record PartitionState(int partition, Integer leader, List<Integer> replicas, List<Integer> isr,
                      PartitionReassignment reassignment, int minIsr) {

    PartitionState {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /**
     * Whether a move is still under way: some replica is being added or removed. (A move can end
     * between reading it and reading the partition, so the move alone does not say.)
     */
    boolean isReassigning() {
        if (reassignment == null) {
            return false;
        }
        Set<Integer> changing = new HashSet<>(reassignment.addingReplicas());
        changing.addAll(reassignment.removingReplicas());
        return replicas.stream().anyMatch(changing::contains);
    }

    /** The replicas the partition should have: during a move, the target's without those being added. */
    int replicationFactor() {
        return isReassigning() ? reassignment.replicas().size() - reassignment.addingReplicas().size() : replicas.size();
    }

    boolean hasLeader() {
        return leader != null;
    }

    boolean isUnderReplicated() {
        return replicationFactor() - isr.size() > 0;
    }

    boolean isUnderMinIsr() {
        return !hasLeader() || isr.size() < minIsr;
    }

    boolean isAtMinIsr() {
        return isr.size() == minIsr;
    }

    /** No leader, or a leader that is not among the live brokers. */
    boolean isUnavailable(Set<Integer> liveBrokers) {
        return !hasLeader() || !liveBrokers.contains(leader);
    }

    List<Integer> addingReplicas() {
        return reassignment == null ? List.of() : reassignment.addingReplicas();
    }

    List<Integer> removingReplicas() {
        return reassignment == null ? List.of() : reassignment.removingReplicas();
    }
}
