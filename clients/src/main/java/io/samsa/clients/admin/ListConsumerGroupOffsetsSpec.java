package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Which partitions' committed offsets to list for one group: some, or (the default) all. Not thread-safe. */
public class ListConsumerGroupOffsetsSpec {

    private Collection<TopicPartition> topicPartitions;

    /** Only these partitions; null for every partition the group has offsets for. */
    public ListConsumerGroupOffsetsSpec topicPartitions(Collection<TopicPartition> topicPartitions) {
        this.topicPartitions = topicPartitions == null ? null : List.copyOf(topicPartitions);
        return this;
    }

    /** The partitions asked for, or null for all. */
    public Collection<TopicPartition> topicPartitions() {
        return topicPartitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListConsumerGroupOffsetsSpec that && Objects.equals(topicPartitions, that.topicPartitions);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(topicPartitions);
    }

    @Override
    public String toString() {
        return "ListConsumerGroupOffsetsSpec(topicPartitions=" + topicPartitions + ")";
    }
}
