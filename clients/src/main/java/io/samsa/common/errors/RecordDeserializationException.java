package io.samsa.common.errors;

import io.samsa.common.TopicPartition;
import io.samsa.common.header.Headers;
import io.samsa.record.TimestampType;

import java.nio.ByteBuffer;

/**
 * A consumer could not deserialize the record at {@link #offset()} of {@link #topicPartition()}.
 * The consumer's position stays at that record, so every poll throws this again until the
 * application seeks past it ({@code seek(topicPartition(), offset() + 1)}) or handles the raw
 * bytes it carries. Immutable once thrown.
 */
public class RecordDeserializationException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** Which of the record's parts failed. */
    public enum DeserializationExceptionOrigin {
        KEY,
        VALUE
    }

    private final DeserializationExceptionOrigin origin;
    private final TopicPartition partition;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;
    private final transient ByteBuffer keyBuffer;
    private final transient ByteBuffer valueBuffer;
    private final transient Headers headers;

    /** Everything known about the record that failed; the buffers are the raw key and value. */
    public RecordDeserializationException(DeserializationExceptionOrigin origin, TopicPartition partition, long offset,
                                          long timestamp, TimestampType timestampType, ByteBuffer keyBuffer,
                                          ByteBuffer valueBuffer, Headers headers, String message, Throwable cause) {
        super(message, cause);
        this.origin = origin;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
        this.keyBuffer = keyBuffer;
        this.valueBuffer = valueBuffer;
        this.headers = headers;
    }

    /** Whether the key or the value failed. */
    public DeserializationExceptionOrigin origin() {
        return origin;
    }

    /** The partition of the record. */
    public TopicPartition topicPartition() {
        return partition;
    }

    /** The offset of the record. */
    public long offset() {
        return offset;
    }

    /** The record's timestamp. */
    public long timestamp() {
        return timestamp;
    }

    /** Whether {@link #timestamp()} is the producer's or the broker's. */
    public TimestampType timestampType() {
        return timestampType;
    }

    /** The raw key, read-only; null when the record has none. */
    public ByteBuffer keyBuffer() {
        return keyBuffer;
    }

    /** The raw value, read-only; null when the record has none. */
    public ByteBuffer valueBuffer() {
        return valueBuffer;
    }

    /** The record's headers. */
    public Headers headers() {
        return headers;
    }
}
