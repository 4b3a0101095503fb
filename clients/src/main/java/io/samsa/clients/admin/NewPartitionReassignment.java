package io.samsa.clients.admin;

import java.util.List;

/** Where a partition's replicas should move: the target replica list, preferred leader first. Immutable. */
public class NewPartitionReassignment {

    private final List<Integer> targetReplicas;

    public NewPartitionReassignment(List<Integer> targetReplicas) {
        this.targetReplicas = List.copyOf(targetReplicas);
    }

    public List<Integer> targetReplicas() {
        return targetReplicas;
    }

    @Override
    public String toString() {
        return "NewPartitionReassignment(targetReplicas=" + targetReplicas + ")";
    }
}
