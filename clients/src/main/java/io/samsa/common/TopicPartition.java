package io.samsa.common;

import java.util.Objects;

/** A topic name and partition number. Immutable. */
public final class TopicPartition implements Comparable<TopicPartition> {

    private final String topic;
    private final int partition;
    private final int hash;

    public TopicPartition(String topic, int partition) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.hash = 31 * topic.hashCode() + partition;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicPartition other && partition == other.partition && topic.equals(other.topic);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(TopicPartition o) {
        int c = topic.compareTo(o.topic);
        return c != 0 ? c : Integer.compare(partition, o.partition);
    }

    /** The form Kafka uses for partition directories and log lines: {@code topic-partition}. */
    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
