package io.samsa.core.controller;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A partition's replicas as the controller records them (KIP-455): during a reassignment the
 * replicas are every broker involved, the target ones first, and the adding and removing replicas
 * say which of them are coming and going. The original replicas are the replicas without the adding
 * ones, the target replicas those without the removing ones. Immutable.
 */
public record ReplicaAssignment(List<Integer> replicas, List<Integer> addingReplicas, List<Integer> removingReplicas) {

    public ReplicaAssignment {
        replicas = List.copyOf(replicas);
        addingReplicas = List.copyOf(addingReplicas);
        removingReplicas = List.copyOf(removingReplicas);
    }

    /** An assignment with no reassignment in progress. */
    public static ReplicaAssignment of(List<Integer> replicas) {
        return new ReplicaAssignment(replicas, List.of(), List.of());
    }

    public boolean isBeingReassigned() {
        return !addingReplicas.isEmpty() || !removingReplicas.isEmpty();
    }

    /** The replicas before the reassignment began (ORS). */
    public List<Integer> originReplicas() {
        return minus(replicas, addingReplicas);
    }

    /** The replicas once the reassignment completes (TRS). */
    public List<Integer> targetReplicas() {
        return minus(replicas, removingReplicas);
    }

    /**
     * A reassignment from the original replicas to {@code target}; a reassignment in progress is
     * replaced, not stacked: it starts again from the replicas it started from. The target order
     * is kept (its first replica is the preferred leader); where target and origin overlap, the
     * original order cannot be restored by a cancellation (as in Kafka).
     */
    ReplicaAssignment reassignTo(List<Integer> target) {
        List<Integer> origin = originReplicas();
        LinkedHashSet<Integer> all = new LinkedHashSet<>(target);
        all.addAll(origin);
        List<Integer> full = new ArrayList<>(all);
        return new ReplicaAssignment(full, minus(full, origin), minus(full, target));
    }

    private static List<Integer> minus(List<Integer> from, List<Integer> remove) {
        List<Integer> result = new ArrayList<>(from);
        result.removeAll(remove);
        return result;
    }
}
