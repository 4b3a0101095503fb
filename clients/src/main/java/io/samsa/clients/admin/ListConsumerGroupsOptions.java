package io.samsa.clients.admin;

import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;

import java.util.Set;

/** Options of {@link Admin#listConsumerGroups(ListConsumerGroupsOptions)}. Not thread-safe. */
public class ListConsumerGroupsOptions extends AbstractOptions<ListConsumerGroupsOptions> {

    private Set<ConsumerGroupState> states = Set.of();
    private Set<GroupType> types = Set.of();

    /** Only groups in these states; empty (the default) for all. */
    public ListConsumerGroupsOptions inStates(Set<ConsumerGroupState> states) {
        this.states = states == null ? Set.of() : Set.copyOf(states);
        return this;
    }

    public Set<ConsumerGroupState> states() {
        return states;
    }

    /** Only groups of these types (ListGroups v5+); empty (the default) for all. */
    public ListConsumerGroupsOptions withTypes(Set<GroupType> types) {
        this.types = types == null ? Set.of() : Set.copyOf(types);
        return this;
    }

    public Set<GroupType> types() {
        return types;
    }
}
