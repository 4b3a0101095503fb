package io.samsa.core.log;

import io.samsa.common.Errors;

/**
 * The outcome of appending one produce request's batches to a partition: the offsets they got,
 * their timestamps and size, or the error that rejected them (with a message for the log line
 * and the produce response). Filled in by the validator and then by the log while it holds its
 * append lock; effectively immutable once {@link Log#append} returns it.
 */
public final class LogAppendInfo {

    public static final long UNKNOWN_OFFSET = -1L;

    private long firstOffset = UNKNOWN_OFFSET;
    private long lastOffset = UNKNOWN_OFFSET;
    private long maxTimestamp = TimestampOffset.NO_TIMESTAMP;
    // Relative to the first offset until offsets are assigned.
    private long offsetOfMaxTimestamp = UNKNOWN_OFFSET;
    private long logAppendTime = TimestampOffset.NO_TIMESTAMP;
    private long logStartOffset = UNKNOWN_OFFSET;
    private int validBytes;
    private int recordCount;
    private int batchCount;
    private Errors error = Errors.NONE;
    private String errorMessage;
    private boolean duplicate;

    LogAppendInfo() {
    }

    static LogAppendInfo failed(Errors error, String message) {
        LogAppendInfo info = new LogAppendInfo();
        info.fail(error, message);
        return info;
    }

    void fail(Errors error, String message) {
        this.error = error;
        this.errorMessage = message;
    }

    void addBatch(int sizeInBytes, int records, long batchMaxTimestamp, long relativeLastOffset) {
        validBytes += sizeInBytes;
        recordCount += records;
        batchCount++;
        if (batchMaxTimestamp > maxTimestamp) {
            maxTimestamp = batchMaxTimestamp;
            offsetOfMaxTimestamp = relativeLastOffset;
        }
    }

    void logAppendTime(long logAppendTime) {
        this.logAppendTime = logAppendTime;
    }

    /** Records the offsets the batches got; turns the max-timestamp offset absolute. */
    void assignedOffsets(long firstOffset, long lastOffset) {
        this.firstOffset = firstOffset;
        this.lastOffset = lastOffset;
        if (offsetOfMaxTimestamp != UNKNOWN_OFFSET) {
            offsetOfMaxTimestamp += firstOffset;
        }
    }

    /** A retried idempotent batch already in the log: its original offsets; nothing is written. */
    void duplicateOf(long firstOffset, long lastOffset) {
        this.firstOffset = firstOffset;
        this.lastOffset = lastOffset;
        this.duplicate = true;
    }

    /** Whether this append was a retry answered from the producer state rather than written. */
    public boolean isDuplicate() {
        return duplicate;
    }

    /** For follower appends, whose batches arrive with their offsets. */
    void offsetsAsWritten(long firstOffset, long lastOffset, long offsetOfMaxTimestamp) {
        this.firstOffset = firstOffset;
        this.lastOffset = lastOffset;
        this.offsetOfMaxTimestamp = offsetOfMaxTimestamp;
    }

    void logStartOffset(long logStartOffset) {
        this.logStartOffset = logStartOffset;
    }

    /** The offset of the first record appended; -1 if nothing was. */
    public long firstOffset() {
        return firstOffset;
    }

    public long lastOffset() {
        return lastOffset;
    }

    /** The largest batch max timestamp (the append time under LogAppendTime); -1 if none. */
    public long maxTimestamp() {
        return maxTimestamp;
    }

    /** The last offset of the first batch carrying {@link #maxTimestamp()}. */
    public long offsetOfMaxTimestamp() {
        return offsetOfMaxTimestamp;
    }

    /** The broker's append time when the topic uses LogAppendTime, else -1 (as the produce response wants). */
    public long logAppendTime() {
        return logAppendTime;
    }

    /** The partition's log start offset after the append (for the produce response). */
    public long logStartOffset() {
        return logStartOffset;
    }

    public int validBytes() {
        return validBytes;
    }

    public int recordCount() {
        return recordCount;
    }

    public int batchCount() {
        return batchCount;
    }

    public Errors error() {
        return error;
    }

    /** Why the append was rejected; null on success. */
    public String errorMessage() {
        return errorMessage;
    }

    public boolean succeeded() {
        return error == Errors.NONE;
    }

    @Override
    public String toString() {
        return error == Errors.NONE
                ? "LogAppendInfo(offsets=" + firstOffset + ".." + lastOffset + ", records=" + recordCount + ", bytes="
                + validBytes + ", maxTimestamp=" + maxTimestamp + ")"
                : "LogAppendInfo(" + error + ": " + errorMessage + ")";
    }
}
