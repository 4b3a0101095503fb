package io.samsa.clients.consumer;

import io.samsa.common.header.Headers;
import io.samsa.common.header.internals.RecordHeaders;
import io.samsa.record.TimestampType;
import java.util.Optional;

/**
 * One fetched record: where it was (topic, partition, offset, leader epoch), its timestamp and the
 * timestamp's meaning, its deserialized key and value, its headers, and the sizes of the key and
 * value as stored. Immutable, as long as nobody changes the key, value or headers it holds.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class ConsumerRecord<K, V> {

    /** The timestamp of a record that has none. */
    public static final long NO_TIMESTAMP = -1L;
    /** The serialized size of a null key or value, or of one whose size is unknown. */
    public static final int NULL_SIZE = -1;

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final int serializedKeySize;
    private final int serializedValueSize;
    private final K key;
    private final V value;
    private final Headers headers;
    private final Optional<Integer> leaderEpoch;

    /** A record with no timestamp, no headers, unknown sizes and no leader epoch (for tests, mostly). */
    public ConsumerRecord(String topic, int partition, long offset, K key, V value) {
        this(topic, partition, offset, NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE, NULL_SIZE, NULL_SIZE, key, value,
                new RecordHeaders(), Optional.empty());
    }

    /**
     * The full form.
     *
     * @param timestamp milliseconds since the epoch, or {@link #NO_TIMESTAMP}
     * @param timestampType whether the producer ({@code CreateTime}) or the broker
     *        ({@code LogAppendTime}) set the timestamp
     * @param serializedKeySize bytes of the key as stored, or {@link #NULL_SIZE}
     * @param serializedValueSize bytes of the value as stored, or {@link #NULL_SIZE}
     * @param headers the headers, never null
     * @param leaderEpoch the leader epoch of the batch the record came in, if the broker sent one
     * @throws IllegalArgumentException if the topic or headers are null
     */
    public ConsumerRecord(String topic, int partition, long offset, long timestamp, TimestampType timestampType,
                          int serializedKeySize, int serializedValueSize, K key, V value, Headers headers,
                          Optional<Integer> leaderEpoch) {
        if (topic == null) {
            throw new IllegalArgumentException("Topic cannot be null");
        }
        if (headers == null) {
            throw new IllegalArgumentException("Headers cannot be null");
        }
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
        this.key = key;
        this.value = value;
        this.headers = headers;
        this.leaderEpoch = leaderEpoch == null ? Optional.empty() : leaderEpoch;
    }

    /** The topic the record came from. */
    public String topic() {
        return topic;
    }

    /** The partition the record came from. */
    public int partition() {
        return partition;
    }

    /** The record's offset in its partition. */
    public long offset() {
        return offset;
    }

    /** Milliseconds since the epoch, or {@link #NO_TIMESTAMP}. */
    public long timestamp() {
        return timestamp;
    }

    /** Who set the timestamp: the producer (CreateTime) or the broker (LogAppendTime). */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** Bytes of the key as stored, or {@link #NULL_SIZE} for a null key. */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** Bytes of the value as stored, or {@link #NULL_SIZE} for a null value. */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    /** The deserialized key, or null. */
    public K key() {
        return key;
    }

    /** The deserialized value, or null. */
    public V value() {
        return value;
    }

    /** The record's headers (empty when it has none). */
    public Headers headers() {
        return headers;
    }

    /** The leader epoch of the record's batch, when known (brokers send it from Fetch v9 on). */
    public Optional<Integer> leaderEpoch() {
        return leaderEpoch;
    }

    @Override
    public String toString() {
        return "ConsumerRecord(topic = " + topic + ", partition = " + partition + ", leaderEpoch = "
                + leaderEpoch.orElse(null) + ", offset = " + offset + ", " + timestampType + " = " + timestamp
                + ", serialized key size = " + serializedKeySize + ", serialized value size = " + serializedValueSize
                + ", headers = " + headers + ", key = " + key + ", value = " + value + ")";
    }
}
