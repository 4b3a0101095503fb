package io.samsa.common;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of a consumer group as its coordinator reports it, under the names the protocol uses
 * ({@code Stable}, {@code Empty}, ...). Immutable.
 */
public enum ConsumerGroupState {
    UNKNOWN("Unknown"),
    PREPARING_REBALANCE("PreparingRebalance"),
    COMPLETING_REBALANCE("CompletingRebalance"),
    STABLE("Stable"),
    DEAD("Dead"),
    EMPTY("Empty"),
    ASSIGNING("Assigning"),
    RECONCILING("Reconciling");

    private static final Map<String, ConsumerGroupState> BY_NAME = new HashMap<>();

    static {
        for (ConsumerGroupState s : values()) {
            BY_NAME.put(s.name, s);
        }
    }

    private final String name;

    ConsumerGroupState(String name) {
        this.name = name;
    }

    /** The state named {@code name} on the wire; {@link #UNKNOWN} for a name this client does not know. */
    public static ConsumerGroupState parse(String name) {
        return BY_NAME.getOrDefault(name, UNKNOWN);
    }

    /** The protocol's name, e.g. {@code PreparingRebalance}. */
    @Override
    public String toString() {
        return name;
    }
}
