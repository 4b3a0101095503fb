package io.samsa.clients.admin;

import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;

import java.util.Objects;
import java.util.Optional;

/** A consumer group as {@link Admin#listConsumerGroups()} lists it. Immutable. */
public class ConsumerGroupListing {

    private final String groupId;
    private final boolean simpleConsumerGroup;
    private final Optional<ConsumerGroupState> state;
    private final Optional<GroupType> type;

    public ConsumerGroupListing(String groupId, boolean isSimpleConsumerGroup) {
        this(groupId, isSimpleConsumerGroup, Optional.empty());
    }

    public ConsumerGroupListing(String groupId, boolean isSimpleConsumerGroup, Optional<ConsumerGroupState> state) {
        this(groupId, isSimpleConsumerGroup, state, Optional.empty());
    }

    public ConsumerGroupListing(String groupId, boolean isSimpleConsumerGroup, Optional<ConsumerGroupState> state,
                                Optional<GroupType> type) {
        this.groupId = groupId;
        this.simpleConsumerGroup = isSimpleConsumerGroup;
        this.state = Objects.requireNonNull(state, "state");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String groupId() {
        return groupId;
    }

    /** Whether the group only stores offsets and has no members using the consumer protocol. */
    public boolean isSimpleConsumerGroup() {
        return simpleConsumerGroup;
    }

    /** The state, when the broker reports it (ListGroups v4+). */
    public Optional<ConsumerGroupState> state() {
        return state;
    }

    /**
     * The type, when the broker reports it (ListGroups v5+). Not part of equality, so a listing
     * compares the same whichever version the broker answered.
     */
    public Optional<GroupType> type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerGroupListing that && simpleConsumerGroup == that.simpleConsumerGroup
                && groupId.equals(that.groupId) && state.equals(that.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, simpleConsumerGroup, state);
    }

    @Override
    public String toString() {
        return "(groupId='" + groupId + "', isSimpleConsumerGroup=" + simpleConsumerGroup + ", state=" + state + ", type=" + type + ")";
    }
}
