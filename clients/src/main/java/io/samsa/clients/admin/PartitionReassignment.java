package io.samsa.clients.admin;

import java.util.List;
import java.util.Objects;

/**
 * A partition move in progress: every replica the partition has meanwhile, and which of them are
 * being added and removed. Immutable.
 */
public class PartitionReassignment {

    private final List<Integer> replicas;
    private final List<Integer> addingReplicas;
    private final List<Integer> removingReplicas;

    public PartitionReassignment(List<Integer> replicas, List<Integer> addingReplicas, List<Integer> removingReplicas) {
        this.replicas = List.copyOf(replicas);
        this.addingReplicas = List.copyOf(addingReplicas);
        this.removingReplicas = List.copyOf(removingReplicas);
    }

    /** The target replicas followed by the original ones still to be removed. */
    public List<Integer> replicas() {
        return replicas;
    }

    public List<Integer> addingReplicas() {
        return addingReplicas;
    }

    public List<Integer> removingReplicas() {
        return removingReplicas;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartitionReassignment that && replicas.equals(that.replicas)
                && addingReplicas.equals(that.addingReplicas) && removingReplicas.equals(that.removingReplicas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(replicas, addingReplicas, removingReplicas);
    }

    @Override
    public String toString() {
        return "PartitionReassignment(replicas=" + replicas + ", addingReplicas=" + addingReplicas
                + ", removingReplicas=" + removingReplicas + ")";
    }
}
