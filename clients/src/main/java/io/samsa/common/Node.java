package io.samsa.common;

import java.util.Objects;

/**
 * A broker as clients see it: id, advertised host and port, and rack when it has one. Immutable.
 */
public final class Node {

    private static final Node NO_NODE = new Node(-1, "", -1, null);

    private final int id;
    private final String host;
    private final int port;
    private final String rack;

    public Node(int id, String host, int port) {
        this(id, host, port, null);
    }

    public Node(int id, String host, int port, String rack) {
        this.id = id;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.rack = rack;
    }

    /** The node a partition without a leader names (id -1). */
    public static Node noNode() {
        return NO_NODE;
    }

    public boolean isEmpty() {
        return host.isEmpty() || port < 0;
    }

    public int id() {
        return id;
    }

    public String idString() {
        return Integer.toString(id);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public boolean hasRack() {
        return rack != null;
    }

    /** The broker's {@code broker.rack}, or null. */
    public String rack() {
        return rack;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Node n && id == n.id && port == n.port && host.equals(n.host) && Objects.equals(rack, n.rack);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, host, port, rack);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (id: " + id + " rack: " + rack + ")";
    }
}
