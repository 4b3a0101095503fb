package io.samsa.record;

import static io.samsa.record.BatchLayout.HEADER_SIZE;
import static io.samsa.record.BatchLayout.LENGTH_OFFSET;
import static io.samsa.record.BatchLayout.LOG_OVERHEAD;
import static io.samsa.record.BatchLayout.MAGIC_OFFSET;
import static io.samsa.record.BatchLayout.MAGIC_V2;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Shallow iteration over the concatenated batches of a buffer: each step reads only the length
 * field and magic byte and hands out a {@link RecordBatch} view, without touching records or
 * CRCs. A trailing batch that is cut short (as a fetch response may end) ends iteration quietly
 * and sets {@link #truncated()}; bytes that cannot be the start of a batch raise
 * {@link RecordFormatException} instead of an index error. Not thread-safe.
 */
public final class BatchIterator implements Iterator<RecordBatch> {

    private final ByteBuffer buffer;
    private final long maxBatchSize;
    private int position;
    private RecordBatch next;
    private boolean done;
    private boolean truncated;

    /**
     * @param buffer       the batches, from position 0 to the limit (not modified)
     * @param maxBatchSize a declared size above this is corruption rather than truncation
     */
    BatchIterator(ByteBuffer buffer, long maxBatchSize) {
        this.buffer = buffer;
        this.maxBatchSize = maxBatchSize;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public RecordBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecordBatch batch = next;
        next = null;
        return batch;
    }

    /** After iteration ended: whether it stopped at an incomplete trailing batch. */
    public boolean truncated() {
        return truncated;
    }

    /** Bytes covered by the batches returned so far (the start of the next one). */
    public int position() {
        return position;
    }

    private RecordBatch advance() {
        int remaining = buffer.limit() - position;
        if (remaining < LOG_OVERHEAD) {
            return stop(remaining > 0);
        }
        int length = buffer.getInt(position + LENGTH_OFFSET);
        if (remaining > MAGIC_OFFSET) {
            byte magic = buffer.get(position + MAGIC_OFFSET);
            if (magic != MAGIC_V2) {
                done = true;
                throw new UnsupportedMagicException(magic, position);
            }
        }
        if (length < HEADER_SIZE - LOG_OVERHEAD) {
            done = true;
            throw new CorruptRecordException("Record batch at position " + position + " declares length "
                + length + ", below the v2 minimum of " + (HEADER_SIZE - LOG_OVERHEAD));
        }
        long size = (long) length + LOG_OVERHEAD;
        if (size > maxBatchSize) {
            done = true;
            throw new CorruptRecordException("Record batch at position " + position + " declares size "
                + size + ", above the maximum of " + maxBatchSize);
        }
        if (size > remaining) {
            return stop(true);
        }
        RecordBatch batch = new RecordBatch(buffer.slice(position, (int) size));
        position += (int) size;
        return batch;
    }

    private RecordBatch stop(boolean partial) {
        done = true;
        truncated = partial;
        return null;
    }
}
