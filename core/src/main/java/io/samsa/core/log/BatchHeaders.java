package io.samsa.core.log;

import io.samsa.record.BatchLayout;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads and patches the header fields of a RecordBatch v2 that starts at a given index of a
 * buffer, with absolute gets and puts: the buffer's position and limit are never touched, so a
 * caller can walk many batches of one buffer without slicing or allocating. Stateless;
 * thread-safe as far as the buffer is.
 */
final class BatchHeaders {

    private BatchHeaders() {
    }

    static long baseOffset(ByteBuffer buf, int at) {
        return buf.getLong(at + BatchLayout.BASE_OFFSET_OFFSET);
    }

    /** The batchLength field: bytes after the length field. */
    static int batchLength(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.LENGTH_OFFSET);
    }

    /** The whole batch's size in bytes, including the offset and length fields. */
    static int sizeInBytes(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.LENGTH_OFFSET) + BatchLayout.LOG_OVERHEAD;
    }

    static int partitionLeaderEpoch(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.PARTITION_LEADER_EPOCH_OFFSET);
    }

    static byte magic(ByteBuffer buf, int at) {
        return buf.get(at + BatchLayout.MAGIC_OFFSET);
    }

    static int crc(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.CRC_OFFSET);
    }

    static short attributes(ByteBuffer buf, int at) {
        return buf.getShort(at + BatchLayout.ATTRIBUTES_OFFSET);
    }

    static int lastOffsetDelta(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.LAST_OFFSET_DELTA_OFFSET);
    }

    static long lastOffset(ByteBuffer buf, int at) {
        return baseOffset(buf, at) + lastOffsetDelta(buf, at);
    }

    static long baseTimestamp(ByteBuffer buf, int at) {
        return buf.getLong(at + BatchLayout.BASE_TIMESTAMP_OFFSET);
    }

    static long maxTimestamp(ByteBuffer buf, int at) {
        return buf.getLong(at + BatchLayout.MAX_TIMESTAMP_OFFSET);
    }

    static long producerId(ByteBuffer buf, int at) {
        return buf.getLong(at + BatchLayout.PRODUCER_ID_OFFSET);
    }

    static short producerEpoch(ByteBuffer buf, int at) {
        return buf.getShort(at + BatchLayout.PRODUCER_EPOCH_OFFSET);
    }

    static int baseSequence(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.BASE_SEQUENCE_OFFSET);
    }

    static int recordsCount(ByteBuffer buf, int at) {
        return buf.getInt(at + BatchLayout.RECORDS_COUNT_OFFSET);
    }

    static int compressionCodec(short attributes) {
        return attributes & BatchLayout.COMPRESSION_CODEC_MASK;
    }

    static boolean isLogAppendTime(short attributes) {
        return (attributes & BatchLayout.TIMESTAMP_TYPE_MASK) != 0;
    }

    static boolean hasDeleteHorizon(short attributes) {
        return (attributes & BatchLayout.DELETE_HORIZON_FLAG_MASK) != 0;
    }

    static boolean isControl(short attributes) {
        return (attributes & BatchLayout.CONTROL_FLAG_MASK) != 0;
    }

    /** The CRC-32C the batch should carry: over attributes to the end of the batch. */
    static int computeCrc(ByteBuffer buf, int at, int sizeInBytes) {
        CRC32C crc = new CRC32C();
        int from = at + BatchLayout.ATTRIBUTES_OFFSET;
        // A duplicate keeps the caller's position and limit; CRC32C reads direct buffers without copying.
        ByteBuffer view = buf.duplicate();
        view.limit(at + sizeInBytes).position(from);
        crc.update(view);
        return (int) crc.getValue();
    }

    static boolean isCrcValid(ByteBuffer buf, int at, int sizeInBytes) {
        return computeCrc(buf, at, sizeInBytes) == crc(buf, at);
    }

    /** Rewrites base offset and leader epoch, the two fields outside the CRC. */
    static void assignOffsetAndEpoch(ByteBuffer buf, int at, long baseOffset, int leaderEpoch) {
        buf.putLong(at + BatchLayout.BASE_OFFSET_OFFSET, baseOffset);
        buf.putInt(at + BatchLayout.PARTITION_LEADER_EPOCH_OFFSET, leaderEpoch);
    }

    /** Marks the batch LogAppendTime with {@code timestamp} as its max timestamp and re-seals the CRC. */
    static void setLogAppendTime(ByteBuffer buf, int at, int sizeInBytes, long timestamp) {
        short attributes = attributes(buf, at);
        buf.putShort(at + BatchLayout.ATTRIBUTES_OFFSET, (short) (attributes | BatchLayout.TIMESTAMP_TYPE_MASK));
        buf.putLong(at + BatchLayout.MAX_TIMESTAMP_OFFSET, timestamp);
        buf.putInt(at + BatchLayout.CRC_OFFSET, computeCrc(buf, at, sizeInBytes));
    }
}
