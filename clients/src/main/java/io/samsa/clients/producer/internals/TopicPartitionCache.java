package io.samsa.clients.producer.internals;

import io.samsa.common.TopicPartition;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link TopicPartition} per partition the producer sends to, instead of a new one (and its
 * hash) per record. Thread-safe: TopicPartition is immutable with final fields, so an instance
 * seen through a racy array read is complete; at worst two threads make the same one twice.
 */
public final class TopicPartitionCache {

    private final ConcurrentMap<String, TopicPartition[]> byTopic = new ConcurrentHashMap<>();

    public TopicPartition get(String topic, int partition) {
        TopicPartition[] partitions = byTopic.get(topic);
        if (partitions == null || partition >= partitions.length) {
            int length = Math.max(partition + 1, partitions == null ? 0 : partitions.length * 2);
            TopicPartition[] grown = new TopicPartition[length];
            if (partitions != null) {
                System.arraycopy(partitions, 0, grown, 0, partitions.length);
            }
            byTopic.put(topic, grown);
            partitions = grown;
        }
        TopicPartition tp = partitions[partition];
        if (tp == null) {
            tp = new TopicPartition(topic, partition);
            partitions[partition] = tp;
        }
        return tp;
    }
}
