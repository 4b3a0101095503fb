package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.record.BatchLayout;

import java.nio.ByteBuffer;

/**
 * Checks one RecordBatch v2 of a produce or replication append from its header alone plus its
 * CRC: framing against the buffer, size against {@code max.message.bytes}, magic, CRC-32C, and
 * for client batches the record count, offset range, control flag, sequence and timestamps. No
 * record is parsed and nothing is allocated unless the batch is rejected. Stateless; thread-safe.
 */
final class BatchValidator {

    /** The smallest v2 record: a one-byte length and six one-byte fields. */
    static final int MIN_RECORD_SIZE = 7;
    private static final int MAX_CODEC = 4;

    /** Why a batch was rejected. */
    record Rejection(Errors error, String message) {
    }

    private BatchValidator() {
    }

    /**
     * Checks only the framing of the batch at {@code at}, given the bytes {@code end} bounds.
     *
     * @return the batch's size in bytes, or -1 if it does not fit the buffer
     */
    static int framedSize(ByteBuffer buf, int at, int end) {
        int remaining = end - at;
        if (remaining < BatchLayout.LOG_OVERHEAD) {
            return -1;
        }
        int size = BatchHeaders.sizeInBytes(buf, at);
        if (size < BatchLayout.HEADER_SIZE || size > remaining) {
            return -1;
        }
        return size;
    }

    /**
     * Validates the batch at {@code at} whose framed size is {@code size}.
     *
     * @param fromClient true for produce requests; false for batches copied from a leader
     * @return null if the batch is acceptable
     */
    static Rejection check(ByteBuffer buf, int at, int size, LogConfig config, long now, boolean fromClient) {
        if (size > config.maxMessageBytes()) {
            return new Rejection(Errors.MESSAGE_TOO_LARGE, "Batch of " + size + " bytes exceeds max.message.bytes "
                    + config.maxMessageBytes());
        }
        byte magic = BatchHeaders.magic(buf, at);
        if (magic != BatchLayout.MAGIC_V2) {
            return new Rejection(Errors.CORRUPT_MESSAGE, "Batch magic " + magic + " is not " + BatchLayout.MAGIC_V2);
        }
        if (!BatchHeaders.isCrcValid(buf, at, size)) {
            return new Rejection(Errors.CORRUPT_MESSAGE, "Batch CRC-32C " + Integer.toUnsignedString(BatchHeaders.crc(buf, at))
                    + " does not match its contents");
        }
        short attributes = BatchHeaders.attributes(buf, at);
        int codec = BatchHeaders.compressionCodec(attributes);
        if (codec > MAX_CODEC) {
            return new Rejection(Errors.CORRUPT_MESSAGE, "Unknown compression codec " + codec);
        }
        int lastOffsetDelta = BatchHeaders.lastOffsetDelta(buf, at);
        int count = BatchHeaders.recordsCount(buf, at);
        if (lastOffsetDelta < 0) {
            return new Rejection(Errors.CORRUPT_MESSAGE, "Negative lastOffsetDelta " + lastOffsetDelta);
        }
        if (codec == 0 && (long) count * MIN_RECORD_SIZE > size - BatchLayout.HEADER_SIZE) {
            return new Rejection(Errors.CORRUPT_MESSAGE, "Batch declares " + count + " records in "
                    + (size - BatchLayout.HEADER_SIZE) + " bytes");
        }
        if (!fromClient) {
            return null;
        }
        if (count <= 0) {
            return new Rejection(Errors.INVALID_RECORD, "Invalid reported count for record batch: " + count);
        }
        if ((long) lastOffsetDelta + 1 != count) {
            return new Rejection(Errors.INVALID_RECORD, "Inconsistent batch offset range [0, " + lastOffsetDelta
                    + "] and count of records " + count);
        }
        if (BatchHeaders.isControl(attributes)) {
            return new Rejection(Errors.INVALID_RECORD, "Clients are not allowed to write control records");
        }
        if (BatchHeaders.producerId(buf, at) >= 0 && BatchHeaders.baseSequence(buf, at) < 0) {
            return new Rejection(Errors.INVALID_RECORD, "Invalid sequence number " + BatchHeaders.baseSequence(buf, at)
                    + " in record batch with producerId " + BatchHeaders.producerId(buf, at));
        }
        return checkTimestamps(buf, at, attributes, config, now);
    }

    private static Rejection checkTimestamps(ByteBuffer buf, int at, short attributes, LogConfig config, long now) {
        if (config.timestampType() != MessageTimestampType.CREATE_TIME) {
            return null;
        }
        if (BatchHeaders.isLogAppendTime(attributes)) {
            return new Rejection(Errors.INVALID_TIMESTAMP,
                    "Invalid timestamp type in batch. Producer should not set timestamp type to LogAppendTime.");
        }
        // The batch header bounds its records' timestamps, so checking its two ends stands in for each record.
        long base = BatchHeaders.baseTimestamp(buf, at);
        long max = BatchHeaders.maxTimestamp(buf, at);
        if (outOfRange(base, now, config) || outOfRange(max, now, config)) {
            long bad = outOfRange(base, now, config) ? base : max;
            return new Rejection(Errors.INVALID_TIMESTAMP, "Timestamp " + bad + " of message is out of range. The timestamp "
                    + "should be within [" + satSub(now, config.timestampBeforeMaxMs()) + ", "
                    + satAdd(now, config.timestampAfterMaxMs()) + "]");
        }
        return null;
    }

    private static boolean outOfRange(long timestamp, long now, LogConfig config) {
        if (timestamp == BatchLayout.NO_TIMESTAMP) {
            return false;
        }
        long diff = now - timestamp;
        return diff > config.timestampBeforeMaxMs() || -diff > config.timestampAfterMaxMs();
    }

    private static long satSub(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    private static long satAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
