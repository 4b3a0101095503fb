package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Set;

/** The partitions assigned to one member of a consumer group. Immutable. */
public class MemberAssignment {

    private final Set<TopicPartition> topicPartitions;

    public MemberAssignment(Set<TopicPartition> topicPartitions) {
        this.topicPartitions = topicPartitions == null ? Set.of() : Set.copyOf(topicPartitions);
    }

    public Set<TopicPartition> topicPartitions() {
        return topicPartitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemberAssignment that && topicPartitions.equals(that.topicPartitions);
    }

    @Override
    public int hashCode() {
        return topicPartitions.hashCode();
    }

    @Override
    public String toString() {
        return "(topicPartitions=" + topicPartitions + ")";
    }
}
