package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The records one {@code poll} returned, grouped by partition, in offset order within each
 * partition. Iterating goes through them partition by partition. Immutable (the public
 * constructor copies the map and the lists; the consumer hands over lists nobody else holds, and
 * only read-only views of them leave), so it may be handed to other threads.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConsumerRecords<K, V> implements Iterable<ConsumerRecord<K, V>> {

    /** No records. */
    public static final ConsumerRecords<Object, Object> EMPTY = new ConsumerRecords<>(Map.of());

    /** Partition to its records, never an empty list; never leaves but through read-only views. */
    private final Map<TopicPartition, List<ConsumerRecord<K, V>>> records;
    private final Set<TopicPartition> partitions;
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
        this.records = copy;
        this.partitions = Collections.unmodifiableSet(copy.keySet());
        this.count = n;
    }

    private ConsumerRecords(Map<TopicPartition, List<ConsumerRecord<K, V>>> records, int count) {
        this.records = records;
        this.partitions = Collections.unmodifiableSet(records.keySet());
        this.count = count;
    }

    /**
     * The records of one poll without copying them: the caller gives up {@code records} and its
     * lists, none of them empty, and never touches them again.
     */
    static <K, V> ConsumerRecords<K, V> handOver(Map<TopicPartition, List<ConsumerRecord<K, V>>> records) {
        int n = 0;
        for (List<ConsumerRecord<K, V>> list : records.values()) {
            n += list.size();
        }
        return new ConsumerRecords<>(records, n);
    }

    /** No records, typed. */
    @SuppressWarnings("unchecked")
    public static <K, V> ConsumerRecords<K, V> empty() {
        return (ConsumerRecords<K, V>) EMPTY;
    }

    /** The records of one partition, in offset order; empty if there are none. */
    public List<ConsumerRecord<K, V>> records(TopicPartition partition) {
        List<ConsumerRecord<K, V>> list = records.get(partition);
        return list == null ? List.of() : Collections.unmodifiableList(list);
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
        return () -> new Concatenation<>(records, topic);
    }

    /** The partitions that have records here. */
    public Set<TopicPartition> partitions() {
        return partitions;
    }

    @Override
    public Iterator<ConsumerRecord<K, V>> iterator() {
        return new Concatenation<>(records, null);
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

    /** The lists of the partitions (of one topic, or of all when {@code topic} is null), one after the other. Read-only. */
    private static final class Concatenation<K, V> implements Iterator<ConsumerRecord<K, V>> {
        private final Iterator<Map.Entry<TopicPartition, List<ConsumerRecord<K, V>>>> partitions;
        private final String topic;
        private List<ConsumerRecord<K, V>> current = List.of();
        private int index;

        Concatenation(Map<TopicPartition, List<ConsumerRecord<K, V>>> records, String topic) {
            this.partitions = records.entrySet().iterator();
            this.topic = topic;
        }

        @Override
        public boolean hasNext() {
            while (index >= current.size()) {
                if (!partitions.hasNext()) {
                    return false;
                }
                Map.Entry<TopicPartition, List<ConsumerRecord<K, V>>> e = partitions.next();
                if (topic == null || topic.equals(e.getKey().topic())) {
                    current = e.getValue();
                    index = 0;
                }
            }
            return true;
        }

        @Override
        public ConsumerRecord<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.get(index++);
        }
    }
}
