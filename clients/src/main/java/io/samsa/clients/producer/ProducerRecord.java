package io.samsa.clients.producer;

import io.samsa.common.header.Header;
import io.samsa.common.header.Headers;
import io.samsa.common.header.internals.RecordHeaders;
import java.util.Objects;

/**
 * A record to send: the topic, and optionally a partition, a timestamp, a key, a value and
 * headers. Without a partition the producer chooses one (from the key's hash, or the sticky
 * partition for keyless records; see {@code partitioner.class}); without a timestamp it uses the
 * time of {@code send}. Immutable except for its {@link #headers()}, which may be changed until the
 * record is sent and are read-only afterwards; do not share an unsent record between threads.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ProducerRecord<K, V> {

    private final String topic;
    private final Integer partition;
    private final Long timestamp;
    private final K key;
    private final V value;
    private final Headers headers;

    /**
     * The full form.
     *
     * @param topic the topic, never null
     * @param partition the partition, or null to let the producer choose
     * @param timestamp milliseconds since the epoch, or null for the time of sending
     * @param key the key, or null
     * @param value the value, or null (a tombstone on compacted topics)
     * @param headers the headers (copied), or null for none
     * @throws IllegalArgumentException if the topic is null, or the partition or timestamp negative
     */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value, Iterable<Header> headers) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null.");
        }
        if (timestamp != null && timestamp < 0) {
            throw new IllegalArgumentException("Invalid timestamp: " + timestamp
                    + ". Timestamp should always be non-negative or null.");
        }
        if (partition != null && partition < 0) {
            throw new IllegalArgumentException("Invalid partition: " + partition
                    + ". Partition number should always be non-negative or null.");
        }
        this.topic = topic;
        this.partition = partition;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = new RecordHeaders(headers);
    }

    /** A record without headers. */
    public ProducerRecord(String topic, Integer partition, Long timestamp, K key, V value) {
        this(topic, partition, timestamp, key, value, null);
    }

    /** A record stamped with the time of sending. */
    public ProducerRecord(String topic, Integer partition, K key, V value, Iterable<Header> headers) {
        this(topic, partition, null, key, value, headers);
    }

    /** A record stamped with the time of sending, without headers. */
    public ProducerRecord(String topic, Integer partition, K key, V value) {
        this(topic, partition, null, key, value, null);
    }

    /** A keyed record whose partition follows from its key. */
    public ProducerRecord(String topic, K key, V value) {
        this(topic, null, null, key, value, null);
    }

    /** A keyless record, spread over the topic's partitions by the producer. */
    public ProducerRecord(String topic, V value) {
        this(topic, null, null, null, value, null);
    }

    /** The topic to send to. */
    public String topic() {
        return topic;
    }

    /** The partition asked for, or null when the producer chooses. */
    public Integer partition() {
        return partition;
    }

    /** The timestamp asked for, or null for the time of sending. */
    public Long timestamp() {
        return timestamp;
    }

    /** The key, or null. */
    public K key() {
        return key;
    }

    /** The value, or null. */
    public V value() {
        return value;
    }

    /** The headers: changeable until the record is sent. */
    public Headers headers() {
        return headers;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProducerRecord<?, ?> other && topic.equals(other.topic)
                && Objects.equals(partition, other.partition) && Objects.equals(timestamp, other.timestamp)
                && Objects.equals(key, other.key) && Objects.equals(value, other.value) && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, headers, key, value, timestamp);
    }

    @Override
    public String toString() {
        return "ProducerRecord(topic=" + topic + ", partition=" + partition + ", headers=" + headers + ", key=" + key
                + ", value=" + value + ", timestamp=" + timestamp + ")";
    }
}
