package io.samsa.clients.admin.internals;

import io.samsa.common.Node;

import java.util.Objects;

/**
 * Where an admin request goes, as a value (unlike a {@link io.samsa.clients.internals.NodeTarget},
 * two equal destinations compare equal, so keys bound for the same broker share one request): the
 * controller, any broker (the least loaded), a broker by id, or a node a lookup returned (a group
 * coordinator, a partition leader). Immutable.
 */
public record Destination(Kind kind, int brokerId, Node node) {

    /** The kinds of destination. */
    public enum Kind { CONTROLLER, ANY, BROKER, NODE }

    private static final Destination CONTROLLER = new Destination(Kind.CONTROLLER, -1, null);
    private static final Destination ANY = new Destination(Kind.ANY, -1, null);

    public Destination {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.NODE) {
            Objects.requireNonNull(node, "node");
        }
    }

    /** The active controller, as the client's metadata names it. */
    public static Destination controller() {
        return CONTROLLER;
    }

    /** Whichever broker is least loaded. */
    public static Destination any() {
        return ANY;
    }

    /** The broker with id {@code id}, once metadata knows it. */
    public static Destination broker(int id) {
        return new Destination(Kind.BROKER, id, null);
    }

    /** Exactly this node. */
    public static Destination node(Node node) {
        return new Destination(Kind.NODE, node.id(), node);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONTROLLER -> "the controller";
            case ANY -> "any broker";
            case BROKER -> "broker " + brokerId;
            case NODE -> node.toString();
        };
    }
}
