package io.samsa.clients.admin;

import io.samsa.common.Node;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#describeCluster}. Thread-safe. */
public class DescribeClusterResult {

    private final CompletableFuture<Collection<Node>> nodes;
    private final CompletableFuture<Node> controller;
    private final CompletableFuture<String> clusterId;

    DescribeClusterResult(CompletableFuture<Collection<Node>> nodes, CompletableFuture<Node> controller,
                          CompletableFuture<String> clusterId) {
        this.nodes = nodes;
        this.controller = controller;
        this.clusterId = clusterId;
    }

    /** The live brokers. */
    public CompletableFuture<Collection<Node>> nodes() {
        return nodes;
    }

    /** The active controller, or null when there is none. */
    public CompletableFuture<Node> controller() {
        return controller;
    }

    public CompletableFuture<String> clusterId() {
        return clusterId;
    }
}
