package io.samsa.clients.admin;

import io.samsa.common.TopicPartitionInfo;
import io.samsa.common.Uuid;

import java.util.List;
import java.util.Objects;

/** A topic as {@link Admin#describeTopics} describes it: its partitions, ordered by number. Immutable. */
public class TopicDescription {

    private final String name;
    private final boolean internal;
    private final List<TopicPartitionInfo> partitions;
    private final Uuid topicId;

    public TopicDescription(String name, boolean internal, List<TopicPartitionInfo> partitions) {
        this(name, internal, partitions, Uuid.ZERO);
    }

    public TopicDescription(String name, boolean internal, List<TopicPartitionInfo> partitions, Uuid topicId) {
        this.name = name;
        this.internal = internal;
        this.partitions = List.copyOf(partitions);
        this.topicId = topicId;
    }

    public String name() {
        return name;
    }

    public boolean isInternal() {
        return internal;
    }

    /** The partitions, ordered by partition number. */
    public List<TopicPartitionInfo> partitions() {
        return partitions;
    }

    public Uuid topicId() {
        return topicId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicDescription that && internal == that.internal && name.equals(that.name)
                && partitions.equals(that.partitions) && Objects.equals(topicId, that.topicId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, internal, partitions, topicId);
    }

    @Override
    public String toString() {
        return "(name=" + name + ", internal=" + internal + ", partitions=" + partitions + ", topicId=" + topicId + ")";
    }
}
