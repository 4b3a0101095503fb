package io.samsa.common;

import java.util.List;
import java.util.Objects;

/**
 * One partition of a topic as an admin client describes it: its leader, its replicas (preferred
 * leader first) and its in-sync replicas. Immutable; safe to share between threads.
 */
public final class TopicPartitionInfo {

    private final int partition;
    private final Node leader;
    private final List<Node> replicas;
    private final List<Node> isr;

    /**
     * @param leader the leader, or null when the partition has none
     */
    public TopicPartitionInfo(int partition, Node leader, List<Node> replicas, List<Node> isr) {
        this.partition = partition;
        this.leader = leader;
        this.replicas = List.copyOf(replicas);
        this.isr = List.copyOf(isr);
    }

    public int partition() {
        return partition;
    }

    /** The leader, or null when the partition has none. */
    public Node leader() {
        return leader;
    }

    /** Every assigned replica, the preferred leader first. */
    public List<Node> replicas() {
        return replicas;
    }

    /** The replicas in sync with the leader. */
    public List<Node> isr() {
        return isr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicPartitionInfo that && partition == that.partition && Objects.equals(leader, that.leader)
                && replicas.equals(that.replicas) && isr.equals(that.isr);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partition, leader, replicas, isr);
    }

    @Override
    public String toString() {
        return "(partition=" + partition + ", leader=" + leader + ", replicas=" + replicas + ", isr=" + isr + ")";
    }
}
