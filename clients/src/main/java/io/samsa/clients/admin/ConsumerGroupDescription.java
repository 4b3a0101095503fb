package io.samsa.clients.admin;

import io.samsa.common.ConsumerGroupState;
import io.samsa.common.Node;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A consumer group as its coordinator describes it: members with their assignments, the assignor
 * the group chose, its state and the coordinator itself. Immutable.
 */
public class ConsumerGroupDescription {

    private final String groupId;
    private final boolean simpleConsumerGroup;
    private final List<MemberDescription> members;
    private final String partitionAssignor;
    private final ConsumerGroupState state;
    private final Node coordinator;

    public ConsumerGroupDescription(String groupId, boolean isSimpleConsumerGroup, Collection<MemberDescription> members,
                                    String partitionAssignor, ConsumerGroupState state, Node coordinator) {
        this.groupId = groupId == null ? "" : groupId;
        this.simpleConsumerGroup = isSimpleConsumerGroup;
        this.members = members == null ? List.of() : List.copyOf(members);
        this.partitionAssignor = partitionAssignor == null ? "" : partitionAssignor;
        this.state = state;
        this.coordinator = coordinator;
    }

    public String groupId() {
        return groupId;
    }

    /** Whether the group only stores offsets and has no members using the consumer protocol. */
    public boolean isSimpleConsumerGroup() {
        return simpleConsumerGroup;
    }

    public Collection<MemberDescription> members() {
        return members;
    }

    /** The assignor the group's members agreed on (e.g. {@code range}); empty when there is none. */
    public String partitionAssignor() {
        return partitionAssignor;
    }

    public ConsumerGroupState state() {
        return state;
    }

    /** The broker coordinating the group. */
    public Node coordinator() {
        return coordinator;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerGroupDescription that && simpleConsumerGroup == that.simpleConsumerGroup
                && groupId.equals(that.groupId) && members.equals(that.members)
                && partitionAssignor.equals(that.partitionAssignor) && state == that.state
                && Objects.equals(coordinator, that.coordinator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, simpleConsumerGroup, members, partitionAssignor, state, coordinator);
    }

    @Override
    public String toString() {
        return "(groupId=" + groupId + ", isSimpleConsumerGroup=" + simpleConsumerGroup + ", members=" + members
                + ", partitionAssignor=" + partitionAssignor + ", state=" + state + ", coordinator=" + coordinator + ")";
    }
}
