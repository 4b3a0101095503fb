package io.samsa.record;

import static io.samsa.record.BatchLayout.LENGTH_OFFSET;
import static io.samsa.record.BatchLayout.LOG_OVERHEAD;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Zero or more RecordBatch v2 batches laid end to end in a ByteBuffer, as they travel in produce
 * and fetch requests and sit in log segments. Iteration is shallow (one {@link RecordBatch} view
 * per batch, no copying); {@link #records()} goes deep. A fetch response may end with a partial
 * batch: iteration stops before it and {@link #hasPartialTrailingBatch()} reports it.
 *
 * <p>Not thread-safe if anyone mutates the batches; otherwise safe to read from several threads
 * (each iteration works on its own positions).
 */
public final class MemoryRecords {

    public static final MemoryRecords EMPTY = new MemoryRecords(ByteBuffer.allocate(0));

    private final ByteBuffer buffer;

    private MemoryRecords(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Wraps the remaining bytes of {@code buffer} (shared, not copied; its position is untouched). */
    public static MemoryRecords readableRecords(ByteBuffer buffer) {
        return new MemoryRecords(buffer.slice());
    }

    /** A builder for one batch; see {@link MemoryRecordsBuilder} for the other settings. */
    public static MemoryRecordsBuilder builder(CompressionType compression, long baseOffset) {
        return new MemoryRecordsBuilder(compression, baseOffset);
    }

    /** A view of the bytes (position 0, limit = size). */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    public int sizeInBytes() {
        return buffer.limit();
    }

    /** Shallow iteration; each call starts over. */
    public Iterable<RecordBatch> batches() {
        return this::batchIterator;
    }

    public BatchIterator batchIterator() {
        return new BatchIterator(buffer, Long.MAX_VALUE);
    }

    /** Like {@link #batchIterator()}, but a batch declaring more than {@code maxBatchSize} bytes is corruption. */
    public BatchIterator batchIterator(int maxBatchSize) {
        return new BatchIterator(buffer, maxBatchSize);
    }

    /** Deep iteration over every record of every batch, decompressing as needed. */
    public Iterable<Record> records() {
        return () -> new Iterator<Record>() {
            private final BatchIterator batches = batchIterator();
            private Iterator<Record> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!batches.hasNext()) {
                        return false;
                    }
                    current = batches.next().iterator();
                }
                return true;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Bytes taken by complete batches from the start; the rest is a partial batch. */
    public int sizeOfCompleteBatches() {
        BatchIterator it = batchIterator();
        while (it.hasNext()) {
            it.next();
        }
        return it.position();
    }

    /** Whether the buffer ends with an incomplete batch (as a fetch response cut at its size limit). */
    public boolean hasPartialTrailingBatch() {
        return sizeOfCompleteBatches() < sizeInBytes();
    }

    /** The declared size of the first batch, or -1 if even its length field is not there. */
    public int firstBatchSize() {
        if (buffer.limit() < LOG_OVERHEAD) {
            return -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, (long) buffer.getInt(LENGTH_OFFSET) + LOG_OVERHEAD);
    }

    @Override
    public String toString() {
        return "MemoryRecords(size=" + sizeInBytes() + ")";
    }
}
