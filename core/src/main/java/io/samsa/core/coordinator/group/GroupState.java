package io.samsa.core.coordinator.group;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a classic consumer group and the transitions between them, as Kafka defines
 * them. The display names are the strings DescribeGroups and ListGroups report. Immutable.
 *
 * <pre>
 * Empty --join--> PreparingRebalance --all joined--> CompletingRebalance --leader's sync--> Stable
 *   ^                 ^      |                              |                             |
 *   |                 |      +--- nobody left --> Empty     +---- member change ---------+
 *   +------------------------ any --> Dead (deleted, expired, or partition unloaded)
 * </pre>
 */
public enum GroupState {
    EMPTY("Empty"),
    PREPARING_REBALANCE("PreparingRebalance"),
    COMPLETING_REBALANCE("CompletingRebalance"),
    STABLE("Stable"),
    DEAD("Dead");

    private final String displayName;

    GroupState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The states a group may move to this one from. */
    Set<GroupState> validPreviousStates() {
        return switch (this) {
            case EMPTY -> EnumSet.of(PREPARING_REBALANCE);
            case PREPARING_REBALANCE -> EnumSet.of(STABLE, COMPLETING_REBALANCE, EMPTY);
            case COMPLETING_REBALANCE -> EnumSet.of(PREPARING_REBALANCE);
            case STABLE -> EnumSet.of(COMPLETING_REBALANCE);
            case DEAD -> EnumSet.of(STABLE, PREPARING_REBALANCE, COMPLETING_REBALANCE, EMPTY, DEAD);
        };
    }

    /** The state with this display name, case-insensitively, or null. */
    public static GroupState fromDisplayName(String name) {
        for (GroupState s : values()) {
            if (s.displayName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
