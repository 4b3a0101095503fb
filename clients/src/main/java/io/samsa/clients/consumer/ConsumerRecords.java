package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records one {@code poll} returned, grouped by partition, in offset order within each
 * partition. Iterating goes through them partition by partition. Immutable (the constructor copies
 * the map and the lists), so it may be handed to other threads.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConsumerRecords<K, V> implements Iterable<ConsumerRecord<K, V>> {

    /** No records. */
    public static final ConsumerRecords<Object, Object> EMPTY = new ConsumerRecords<>(Map.of());

    private final Map<TopicPartition, List<ConsumerRecord<K, V>>> records;
    private final int count;

    /**
     * @param records the records of each partition; partitions with an empty list are left out, so
     *        that {@link #partitions()} names only partitions that have records
     */
    public ConsumerRecords(Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
        Map<TopicPartition, List<ConsumerRecord<K, V>>> copy = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<TopicPartition, List<ConsumerRecord<K, V>>> e : records.entrySet()) {
            if (!e.getValue().isEmpty()) {
                copy.put(e.getKey(), List.copyOf(e.getValue()));
                n += e.getValue().size();
            }
        }
        this.records = Collections.unmodifiableMap(copy);
        this.count = n;
    }

    /** No records, typed. */
    @SuppressWarnings("unchecked")
    public static <K, V> ConsumerRecords<K, V> empty() {
        return (ConsumerRecords<K, V>) EMPTY;
    }

    /** The records of one partition, in offset order; empty if there are none. */
    public List<ConsumerRecord<K, V>> records(TopicPartition partition) {
        return records.getOrDefault(partition, List.of());
    }

    /**
     * The records of one topic, partition by partition.
     *
     * @throws IllegalArgumentException if {@code topic} is null
     */
    public Iterable<ConsumerRecord<K, V>> records(String topic) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic must be non-null.");
        }
        return () -> records.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic))
                .flatMap(e -> e.getValue().stream())
                .iterator();
    }

    /** The partitions that have records here. */
    public Set<TopicPartition> partitions() {
        return records.keySet();
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        return records.values().stream().flatMap(List::stream).iterator();
    }

    /** How many records there are in all. */
    public int count() {
        return count;
    }

    /** Whether there are no records at all. */
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public String toString() {
        return "ConsumerRecords(" + count + " records in " + records.keySet() + ")";
    }
}
