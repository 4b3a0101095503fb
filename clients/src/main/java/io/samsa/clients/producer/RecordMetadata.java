package io.samsa.clients.producer;

import io.samsa.common.TopicPartition;
import java.util.Objects;

/**
 * Where a sent record ended up: its topic-partition, its offset and its timestamp, as the broker
 * acknowledged them, plus the sizes of its serialized key and value. The offset is -1 when it is
 * not known: with {@code acks=0} the broker answers nothing, and a failed send reports -1 too.
 * Immutable.
 */
public final class RecordMetadata {

    /** The partition of a record whose send failed before a partition was chosen. */
    public static final int UNKNOWN_PARTITION = -1;
    /** An offset or timestamp that is not known. */
    public static final long UNKNOWN = -1L;

    private final TopicPartition topicPartition;
    private final long offset;
    private final long timestamp;
    private final int serializedKeySize;
    private final int serializedValueSize;

    /**
     * @param topicPartition where the record went
     * @param baseOffset the offset of the first record of its batch, or -1 when unknown
     * @param batchIndex the record's index within its batch, added to a known base offset
     * @param timestamp the record's timestamp (the broker's for {@code LogAppendTime} topics), or -1
     * @param serializedKeySize bytes of the serialized key, or -1 for a null key
     * @param serializedValueSize bytes of the serialized value, or -1 for a null value
     */
    public RecordMetadata(TopicPartition topicPartition, long baseOffset, int batchIndex, long timestamp,
                          int serializedKeySize, int serializedValueSize) {
        this.topicPartition = Objects.requireNonNull(topicPartition, "topicPartition");
        this.offset = baseOffset == UNKNOWN ? UNKNOWN : baseOffset + batchIndex;
        this.timestamp = timestamp;
        this.serializedKeySize = serializedKeySize;
        this.serializedValueSize = serializedValueSize;
    }

    /** Whether the offset is known (false with {@code acks=0} and for failed sends). */
    public boolean hasOffset() {
        return offset != UNKNOWN;
    }

    /** The record's offset in its partition, or -1 when unknown. */
    public long offset() {
        return offset;
    }

    /** Whether the timestamp is known. */
    public boolean hasTimestamp() {
        return timestamp != UNKNOWN;
    }

    /**
     * The record's timestamp: the broker's append time for topics with
     * {@code message.timestamp.type=LogAppendTime}, else the record's own (given, or the time of
     * sending); -1 when unknown.
     */
    public long timestamp() {
        return timestamp;
    }

    /** Bytes of the serialized key, or -1 when the key was null. */
    public int serializedKeySize() {
        return serializedKeySize;
    }

    /** Bytes of the serialized value, or -1 when the value was null. */
    public int serializedValueSize() {
        return serializedValueSize;
    }

    /** The topic the record went to. */
    public String topic() {
        return topicPartition.topic();
    }

    /** The partition, or {@link #UNKNOWN_PARTITION} when the send failed before one was chosen. */
    public int partition() {
        return topicPartition.partition();
    }

    @Override
    public String toString() {
        return topicPartition + "@" + offset;
    }
}
