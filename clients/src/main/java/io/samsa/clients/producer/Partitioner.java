package io.samsa.clients.producer;

import io.samsa.common.Cluster;
import java.io.Closeable;
import java.util.Map;

/**
 * Chooses the partition of records sent without one, when named by {@code partitioner.class}
 * (without it, the producer's built-in rule applies: the key's murmur2 hash for keyed records,
 * a sticky partition for keyless ones). Called from every thread that sends, so implementations
 * must be thread-safe.
 */
public interface Partitioner extends Closeable {

    /** Configures the partitioner from the producer's properties, once, before first use. */
    default void configure(Map<String, ?> configs) {
    }

    /**
     * The partition of a record.
     *
     * @param topic the record's topic
     * @param key the key, or null
     * @param keyBytes the serialized key, or null
     * @param value the value, or null
     * @param valueBytes the serialized value, or null
     * @param cluster the producer's current view of the cluster, which knows the topic
     * @return a partition number from 0 to the topic's partition count, exclusive
     */
    int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster);

    /** Called when the producer closes. */
    @Override
    default void close() {
    }
}
