package io.samsa.tools.cli;

import io.samsa.common.Node;

import java.util.Comparator;
import java.util.List;

/**
 * The cluster as {@code describeCluster} answered when a tool connected: its id, its controller
 * (null when none is elected) and its live brokers, ordered by id. Immutable.
 */
public record ClusterInfo(String clusterId, Node controller, List<Node> brokers) {

    public ClusterInfo {
        brokers = brokers.stream().sorted(Comparator.comparingInt(Node::id)).toList();
    }

    /** Whether broker {@code id} is live. */
    public boolean isLive(int id) {
        return brokers.stream().anyMatch(b -> b.id() == id);
    }
}
