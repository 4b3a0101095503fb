package io.samsa.core.log;

import io.samsa.record.BatchLayout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Walks the record batches of a segment file between two positions, reading only each batch's
 * header (one positional read of {@link BatchLayout#HEADER_SIZE} bytes per batch) into a buffer
 * reused across batches. Used to translate offsets and timestamps to positions and, with
 * {@link #isValid()}, to re-validate batches during recovery. Stops at the first incomplete or
 * implausible header. Not thread-safe: one cursor per walk.
 */
public final class FileBatchCursor {

    private final FileChannel channel;
    private final int end;
    private final ByteBuffer header = ByteBuffer.allocate(BatchLayout.HEADER_SIZE);
    private ByteBuffer body;
    private int nextPosition;
    private int position = -1;
    private int sizeInBytes;
    private boolean headerIncomplete;

    FileBatchCursor(FileChannel channel, int start, int end) {
        this.channel = channel;
        this.nextPosition = start;
        this.end = end;
    }

    /**
     * Moves to the next batch.
     *
     * @return false at the end of the range, or when the rest of it does not hold a whole batch
     *         with a plausible size (a torn write, garbage)
     */
    public boolean next() throws IOException {
        int at = nextPosition;
        int remaining = end - at;
        headerIncomplete = false;
        if (remaining < BatchLayout.LOG_OVERHEAD) {
            headerIncomplete = remaining > 0;
            return false;
        }
        header.clear();
        if (remaining < BatchLayout.HEADER_SIZE) {
            header.limit(remaining);
        }
        FileRecords.readFully(channel, header, at);
        int size = BatchHeaders.sizeInBytes(header, 0);
        if (remaining < BatchLayout.HEADER_SIZE || size < BatchLayout.HEADER_SIZE || size > remaining) {
            headerIncomplete = true;
            return false;
        }
        position = at;
        sizeInBytes = size;
        nextPosition = at + size;
        return true;
    }

    /** True when the walk stopped on bytes that are not a whole batch, rather than at the end. */
    public boolean stoppedOnPartialBatch() {
        return headerIncomplete;
    }

    /** File position of the current batch. */
    public int position() {
        return position;
    }

    public int sizeInBytes() {
        return sizeInBytes;
    }

    public long baseOffset() {
        return BatchHeaders.baseOffset(header, 0);
    }

    public long lastOffset() {
        return BatchHeaders.lastOffset(header, 0);
    }

    public long maxTimestamp() {
        return BatchHeaders.maxTimestamp(header, 0);
    }

    public int partitionLeaderEpoch() {
        return BatchHeaders.partitionLeaderEpoch(header, 0);
    }

    public byte magic() {
        return BatchHeaders.magic(header, 0);
    }

    public short attributes() {
        return BatchHeaders.attributes(header, 0);
    }

    public long producerId() {
        return BatchHeaders.producerId(header, 0);
    }

    public short producerEpoch() {
        return BatchHeaders.producerEpoch(header, 0);
    }

    public int baseSequence() {
        return BatchHeaders.baseSequence(header, 0);
    }

    public long baseTimestamp() {
        return BatchHeaders.baseTimestamp(header, 0);
    }

    public int recordsCount() {
        return BatchHeaders.recordsCount(header, 0);
    }

    /** Reads the whole current batch and checks its magic and CRC-32C. */
    public boolean isValid() throws IOException {
        if (magic() != BatchLayout.MAGIC_V2 || BatchHeaders.lastOffsetDelta(header, 0) < 0) {
            return false;
        }
        ByteBuffer batch = loadBatch();
        return BatchHeaders.isCrcValid(batch, 0, sizeInBytes);
    }

    /**
     * The whole current batch, read into a buffer the cursor reuses: valid until the next call.
     * Position 0, limit the batch size.
     */
    public ByteBuffer loadBatch() throws IOException {
        if (body == null || body.capacity() < sizeInBytes) {
            body = ByteBuffer.allocate(Math.max(sizeInBytes, 16 * 1024));
        }
        body.clear().limit(sizeInBytes);
        FileRecords.readFully(channel, body, position);
        return body.flip();
    }
}
