package io.samsa.record;

import java.nio.ByteBuffer;

/**
 * One record of a v2 batch, with its absolute offset and timestamp resolved against the batch
 * header. Key, value and header values are views into the batch's (decompressed) bytes, not
 * copies, so a record stays valid only while that buffer is not reused. Immutable from the
 * outside; safe to share once published.
 */
public final class Record extends KeyValueView {

    private final long offset;
    private final int sequence;
    private final long timestamp;
    private final Header[] headers;
    private final int sizeInBytes;

    Record(long offset, int sequence, long timestamp, ByteBuffer key, ByteBuffer value,
           Header[] headers, int sizeInBytes) {
        super(key, value);
        this.offset = offset;
        this.sequence = sequence;
        this.timestamp = timestamp;
        this.headers = headers;
        this.sizeInBytes = sizeInBytes;
    }

    public long offset() {
        return offset;
    }

    /** The producer sequence number of this record, or -1 when the batch has none. */
    public int sequence() {
        return sequence;
    }

    /** The record's timestamp; for a LOG_APPEND_TIME batch, the batch's append time. */
    public long timestamp() {
        return timestamp;
    }

    /** The headers, in wire order; never null. The array is shared: do not modify it. */
    public Header[] headers() {
        return headers;
    }

    /** Size of the encoded record, including its leading length varint. */
    public int sizeInBytes() {
        return sizeInBytes;
    }

    @Override
    public String toString() {
        return "Record(offset=" + offset + ", timestamp=" + timestamp + ", keySize=" + keySize()
            + ", valueSize=" + valueSize() + ", headers=" + headers.length + ")";
    }
}
