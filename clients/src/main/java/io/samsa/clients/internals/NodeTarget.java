package io.samsa.clients.internals;

import io.samsa.common.Cluster;
import io.samsa.common.Node;

/**
 * Which broker a request goes to, decided when it is sent rather than when it is made, so a
 * request waiting for a connection follows leadership and controller changes. Immutable.
 */
@FunctionalInterface
public interface NodeTarget {

    /** The node to send to now, or null when none is known yet (metadata will be refreshed). */
    Node select(Cluster cluster, NetworkClient network, long nowMs);

    /**
     * Whether a request waiting for this target fails with a DisconnectException as soon as a
     * connection attempt to the node it selected has failed, so that its caller can look for
     * another broker (a group coordinator or partition leader that died), instead of waiting for
     * that node until the request's deadline. Off by default.
     */
    default boolean failsWhenUnreachable() {
        return false;
    }

    /** The same target, failing fast when its node cannot be reached (see {@link #failsWhenUnreachable}). */
    default NodeTarget failingWhenUnreachable() {
        NodeTarget self = this;
        return new NodeTarget() {
            @Override
            public Node select(Cluster cluster, NetworkClient network, long nowMs) {
                return self.select(cluster, network, nowMs);
            }

            @Override
            public boolean failsWhenUnreachable() {
                return true;
            }
        };
    }

    /** A broker by id. */
    static NodeTarget node(int id) {
        return (cluster, network, now) -> cluster.nodeById(id);
    }

    /** This exact node (a coordinator found by FindCoordinator, say). */
    static NodeTarget node(Node node) {
        return (cluster, network, now) -> node;
    }

    /** Whichever reachable broker has the least in flight. */
    static NodeTarget leastLoaded() {
        return (cluster, network, now) -> network.leastLoadedNode(cluster.nodes(), now);
    }

    /** The active controller, as the latest metadata names it. */
    static NodeTarget controller() {
        return (cluster, network, now) -> cluster.controller();
    }
}
