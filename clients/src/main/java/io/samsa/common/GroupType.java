package io.samsa.common;

import java.util.Locale;

/**
 * A group's type as ListGroups v5+ reports it (KIP-848): {@code Classic}, a group of the classic
 * JoinGroup/SyncGroup protocol, the only kind a ZooKeeper-mode cluster has, or {@code Consumer},
 * a group of the new consumer protocol. Names are read in any case. Immutable.
 */
public enum GroupType {
    UNKNOWN("Unknown"),
    CONSUMER("Consumer"),
    CLASSIC("Classic");

    private final String name;

    GroupType(String name) {
        this.name = name;
    }

    /** The type named {@code name}, in any case; {@link #UNKNOWN} for null or a name this client does not know. */
    public static GroupType parse(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        for (GroupType t : values()) {
            if (t.name.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return UNKNOWN;
    }

    /** The protocol's name, e.g. {@code Classic}. */
    @Override
    public String toString() {
        return name;
    }
}
