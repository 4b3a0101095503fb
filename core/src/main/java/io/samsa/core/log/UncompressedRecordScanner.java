package io.samsa.core.log;

import io.samsa.record.BatchLayout;

import java.nio.ByteBuffer;

/**
 * Finds, inside one uncompressed RecordBatch v2, the first record with a timestamp at or after a
 * target, reading only each record's length, timestamp delta and offset delta (zig-zag varints)
 * and skipping the rest. Used by ListOffsets-by-timestamp, never on the produce or fetch path.
 * Not thread-safe: one scanner per search.
 */
final class UncompressedRecordScanner {

    private final ByteBuffer batch;
    private int pos;

    private UncompressedRecordScanner(ByteBuffer batch) {
        this.batch = batch;
    }

    /**
     * The (timestamp, offset) of the first record of {@code batch} (at index 0 of the buffer, whole)
     * whose timestamp is at least {@code targetTimestamp} and offset at least {@code minOffset}, or
     * null when there is none or the records do not parse.
     */
    static TimestampOffset find(ByteBuffer batch, long targetTimestamp, long minOffset) {
        return new UncompressedRecordScanner(batch).scan(targetTimestamp, minOffset);
    }

    private TimestampOffset scan(long targetTimestamp, long minOffset) {
        long baseOffset = BatchHeaders.baseOffset(batch, 0);
        long baseTimestamp = BatchHeaders.baseTimestamp(batch, 0);
        int count = BatchHeaders.recordsCount(batch, 0);
        int end = BatchHeaders.sizeInBytes(batch, 0);
        pos = BatchLayout.RECORDS_OFFSET;
        try {
            for (int i = 0; i < count && pos < end; i++) {
                int length = readVarint();
                int bodyStart = pos;
                pos++; // attributes
                long timestamp = baseTimestamp + readVarlong();
                long offset = baseOffset + readVarint();
                if (timestamp >= targetTimestamp && offset >= minOffset) {
                    return new TimestampOffset(timestamp, offset);
                }
                pos = bodyStart + length;
            }
        } catch (IndexOutOfBoundsException | IllegalStateException e) {
            return null;
        }
        return null;
    }

    private int readVarint() {
        int raw = 0;
        for (int shift = 0; shift <= 28; shift += 7) {
            byte b = batch.get(pos++);
            raw |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IllegalStateException("Varint longer than 5 bytes");
    }

    private long readVarlong() {
        long raw = 0;
        for (int shift = 0; shift <= 63; shift += 7) {
            byte b = batch.get(pos++);
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IllegalStateException("Varlong longer than 10 bytes");
    }
}
