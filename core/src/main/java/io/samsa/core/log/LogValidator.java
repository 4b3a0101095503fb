package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.record.BatchLayout;

import java.nio.ByteBuffer;

/**
 * Validates the batches of one partition's produce data and assigns their offsets in place: the
 * broker's whole work on a produce, done on the request's own buffer with header reads and
 * writes (no per-record objects, no decompression, no copy) — except on compacted topics, whose
 * records must all carry a key ({@link RecordKeyCheck}). Validation and the LogAppendTime
 * rewrite (which re-seals the CRC) run before the log's lock is taken; only offset and epoch
 * assignment, which the CRC does not cover, runs under it. Stateless; thread-safe.
 */
public final class LogValidator {

    private LogValidator() {
    }

    /**
     * Checks every batch of a produce request from position to limit of {@code batches} and, when
     * the topic uses LogAppendTime, stamps {@code now} into each. The buffer's position and limit
     * are left as they are.
     *
     * @return the batches' sizes, counts and timestamps (offsets still unassigned), or the error
     *         that rejects the whole request
     */
    public static LogAppendInfo validateForLeader(ByteBuffer batches, LogConfig config, long now) {
        LogAppendInfo info = new LogAppendInfo();
        boolean logAppendTime = config.timestampType() == MessageTimestampType.LOG_APPEND_TIME;
        boolean compact = config.compact();
        int end = batches.limit();
        long relativeNext = 0;
        for (int at = batches.position(); at < end; ) {
            int size = BatchValidator.framedSize(batches, at, end);
            if (size < 0) {
                return LogAppendInfo.failed(Errors.CORRUPT_MESSAGE, "Truncated record batch at byte "
                        + (at - batches.position()) + " of " + batches.remaining());
            }
            BatchValidator.Rejection rejection = BatchValidator.check(batches, at, size, config, now, true);
            if (rejection != null) {
                return LogAppendInfo.failed(rejection.error(), rejection.message());
            }
            if (compact) {
                RecordKeyCheck.Result keys = RecordKeyCheck.check(batches, at, size);
                if (keys == RecordKeyCheck.Result.KEYLESS_RECORD) {
                    return LogAppendInfo.failed(Errors.INVALID_RECORD,
                            "Compacted topic cannot accept message without key.");
                }
                if (keys == RecordKeyCheck.Result.MALFORMED) {
                    return LogAppendInfo.failed(Errors.CORRUPT_MESSAGE, "Malformed records in a record batch");
                }
            }
            if (logAppendTime) {
                BatchHeaders.setLogAppendTime(batches, at, size, now);
            }
            int count = BatchHeaders.recordsCount(batches, at);
            long relativeLast = relativeNext + count - 1;
            info.addBatch(size, count, BatchHeaders.maxTimestamp(batches, at), relativeLast);
            relativeNext = relativeLast + 1;
            at += size;
        }
        if (logAppendTime) {
            info.logAppendTime(now);
        }
        return info;
    }

    /**
     * Gives the validated batches consecutive offsets from {@code firstOffset} and stamps
     * {@code leaderEpoch} into each. Call with the log's append lock held.
     *
     * @return the last offset assigned
     */
    public static long assignOffsets(ByteBuffer batches, long firstOffset, int leaderEpoch) {
        int end = batches.limit();
        long next = firstOffset;
        for (int at = batches.position(); at < end; ) {
            BatchHeaders.assignOffsetAndEpoch(batches, at, next, leaderEpoch);
            next += BatchHeaders.lastOffsetDelta(batches, at) + 1L;
            at += BatchHeaders.sizeInBytes(batches, at);
        }
        return next - 1;
    }

    /**
     * Checks batches copied from the leader, which keep their offsets and epochs: framing, size,
     * magic, CRC, and offsets that increase and start at or after {@code logEndOffset}.
     */
    public static LogAppendInfo validateForFollower(ByteBuffer batches, LogConfig config, long logEndOffset) {
        LogAppendInfo info = new LogAppendInfo();
        int end = batches.limit();
        long first = LogAppendInfo.UNKNOWN_OFFSET;
        long previousLast = logEndOffset - 1;
        long maxTimestamp = TimestampOffset.NO_TIMESTAMP;
        long offsetOfMax = LogAppendInfo.UNKNOWN_OFFSET;
        for (int at = batches.position(); at < end; ) {
            int size = BatchValidator.framedSize(batches, at, end);
            if (size < 0) {
                if (isTrailingPart(batches, at, end)) {
                    // A leader's answer may end inside a batch cut at its byte limit: the rest comes next time.
                    batches.limit(at);
                    break;
                }
                return LogAppendInfo.failed(Errors.CORRUPT_MESSAGE, "Truncated record batch at byte "
                        + (at - batches.position()) + " of " + batches.remaining());
            }
            BatchValidator.Rejection rejection = BatchValidator.check(batches, at, size, config, 0L, false);
            // Followers take what the leader accepted, whatever this replica's max.message.bytes says.
            if (rejection != null && rejection.error() != Errors.MESSAGE_TOO_LARGE) {
                return LogAppendInfo.failed(rejection.error(), rejection.message());
            }
            long base = BatchHeaders.baseOffset(batches, at);
            long last = BatchHeaders.lastOffset(batches, at);
            if (base <= previousLast) {
                return LogAppendInfo.failed(Errors.CORRUPT_MESSAGE, "Batch base offset " + base
                        + " is not above the previous offset " + previousLast);
            }
            if (first == LogAppendInfo.UNKNOWN_OFFSET) {
                first = base;
            }
            long batchMax = BatchHeaders.maxTimestamp(batches, at);
            if (batchMax > maxTimestamp) {
                maxTimestamp = batchMax;
                offsetOfMax = last;
            }
            info.addBatch(size, BatchHeaders.recordsCount(batches, at), batchMax, 0);
            previousLast = last;
            at += size;
        }
        if (first != LogAppendInfo.UNKNOWN_OFFSET) {
            info.offsetsAsWritten(first, previousLast, offsetOfMax);
        }
        return info;
    }

    /** Whether the bytes from {@code at} are the start of a batch longer than what is left (a cut answer, not corruption). */
    private static boolean isTrailingPart(ByteBuffer batches, int at, int end) {
        if (end - at < BatchLayout.LOG_OVERHEAD) {
            return true;
        }
        int size = BatchHeaders.sizeInBytes(batches, at);
        return size >= BatchLayout.HEADER_SIZE && size > end - at;
    }
}
