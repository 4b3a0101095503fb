package io.samsa.core.log;

import io.samsa.record.BatchLayout;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads the whole batches of a segment file in large chunks through one buffer, for the log
 * cleaner: a positional read fills the buffer, batches are handed out as positions inside it,
 * and the buffer grows when one batch does not fit. Stops at the end of the file or at trailing
 * bytes that are not a whole batch. Not thread-safe: the buffer belongs to one cleaner thread.
 */
final class SegmentBatchReader {

    private ByteBuffer buffer;
    private FileRecords file;
    private int fileEnd;
    // File position of buffer index 0.
    private int chunkPosition;
    private int next;
    private int batchStart;
    private int batchSize;
    private long bytesRead;

    SegmentBatchReader(int bufferSize) {
        this.buffer = ByteBuffer.allocate(bufferSize).limit(0);
    }

    /** Starts reading {@code file} from its beginning up to its current size. */
    void reset(FileRecords records) {
        this.file = records;
        this.fileEnd = records.sizeInBytes();
        this.chunkPosition = 0;
        this.next = 0;
        buffer.clear().limit(0);
    }

    /** Moves to the next whole batch; false at the end. */
    boolean next() throws IOException {
        while (true) {
            int remaining = buffer.limit() - next;
            int size = remaining >= BatchLayout.LOG_OVERHEAD
                    ? buffer.getInt(next + BatchLayout.LENGTH_OFFSET) + BatchLayout.LOG_OVERHEAD : -1;
            if (size >= BatchLayout.HEADER_SIZE && size <= remaining) {
                batchStart = next;
                batchSize = size;
                next += size;
                return true;
            }
            int from = chunkPosition + next;
            int left = fileEnd - from;
            if (left <= remaining || (size >= 0 && (size < BatchLayout.HEADER_SIZE || size > left))) {
                // Nothing more to load, or the header is garbage: no further whole batch.
                return false;
            }
            int wanted = Math.max(size, BatchLayout.LOG_OVERHEAD);
            if (wanted > buffer.capacity()) {
                buffer = ByteBuffer.allocate(wanted);
            }
            buffer.clear().limit(Math.min(buffer.capacity(), left));
            file.readInto(buffer, from);
            buffer.flip();
            bytesRead += buffer.limit();
            chunkPosition = from;
            next = 0;
        }
    }

    /** A view of the current batch, position 0 and limit its size; valid until the next call. */
    ByteBuffer batch() {
        return buffer.slice(batchStart, batchSize);
    }

    int batchSize() {
        return batchSize;
    }

    /** File position of the current batch. */
    int batchPosition() {
        return chunkPosition + batchStart;
    }

    long bytesRead() {
        return bytesRead;
    }
}
