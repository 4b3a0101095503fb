package io.samsa.common;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One partition as the cluster metadata describes it: its leader (null when it has none), replicas,
 * in-sync replicas and offline replicas. Immutable.
 */
public final class PartitionInfo {

    private final String topic;
    private final int partition;
    private final Node leader;
    private final Node[] replicas;
    private final Node[] inSyncReplicas;
    private final Node[] offlineReplicas;

    public PartitionInfo(String topic, int partition, Node leader, Node[] replicas, Node[] inSyncReplicas) {
        this(topic, partition, leader, replicas, inSyncReplicas, new Node[0]);
    }

    public PartitionInfo(String topic, int partition, Node leader, Node[] replicas, Node[] inSyncReplicas,
                         Node[] offlineReplicas) {
        this.topic = topic;
        this.partition = partition;
        this.leader = leader;
        this.replicas = replicas;
        this.inSyncReplicas = inSyncReplicas;
        this.offlineReplicas = offlineReplicas;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    /** The leader, or null when the partition has none. */
    public Node leader() {
        return leader;
    }

    public Node[] replicas() {
        return replicas.clone();
    }

    public Node[] inSyncReplicas() {
        return inSyncReplicas.clone();
    }

    public Node[] offlineReplicas() {
        return offlineReplicas.clone();
    }

    @Override
    public String toString() {
        return "Partition(topic = " + topic + ", partition = " + partition + ", leader = "
                + (leader == null ? "none" : leader.idString()) + ", replicas = " + ids(replicas) + ", isr = "
                + ids(inSyncReplicas) + ", offlineReplicas = " + ids(offlineReplicas) + ")";
    }

    private static String ids(Node[] nodes) {
        return Arrays.stream(nodes).map(Node::idString).collect(Collectors.joining(",", "[", "]"));
    }
}
