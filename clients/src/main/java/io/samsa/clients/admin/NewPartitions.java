package io.samsa.clients.admin;

import java.util.List;

/**
 * How many partitions a topic should have after {@link Admin#createPartitions}, and optionally
 * where the new ones' replicas go. Immutable.
 */
public class NewPartitions {

    private final int totalCount;
    private final List<List<Integer>> newAssignments;

    private NewPartitions(int totalCount, List<List<Integer>> newAssignments) {
        this.totalCount = totalCount;
        this.newAssignments = newAssignments;
    }

    /** Grow the topic to {@code totalCount} partitions, the controller placing the new replicas. */
    public static NewPartitions increaseTo(int totalCount) {
        return new NewPartitions(totalCount, null);
    }

    /**
     * Grow the topic to {@code totalCount} partitions with the given replicas: one list of broker
     * ids per new partition, in partition order, the preferred leader first.
     */
    public static NewPartitions increaseTo(int totalCount, List<List<Integer>> newAssignments) {
        return new NewPartitions(totalCount, newAssignments.stream().map(List::copyOf).toList());
    }

    public int totalCount() {
        return totalCount;
    }

    /** The new partitions' replicas, or null when the controller chooses. */
    public List<List<Integer>> assignments() {
        return newAssignments;
    }

    @Override
    public String toString() {
        return "(totalCount=" + totalCount + ", newAssignments=" + newAssignments + ")";
    }
}
