package io.samsa.core.log;

/**
 * The offsets that bound one partition log, and the rules that keep them in order: the log start
 * offset, the high watermark (held in [log start, log end]), the log end offset with the segment
 * position a read may go up to, and the recovery point below which everything is fsynced.
 *
 * <p>Thread-safety: every offset is a volatile field, so readers take no lock. {@link Log} makes
 * every change under its lock except those of the high watermark, which a leader moves from the
 * threads serving its followers' fetches: they replace one immutable value with another under
 * this object's monitor, so a late writer never moves it back.
 */
final class LogOffsets {

    private volatile long logStartOffset;
    private volatile LogOffsetMetadata logEnd;
    private volatile LogOffsetMetadata highWatermark;
    private volatile long recoveryPoint;

    LogOffsets(long logStartOffset, LogOffsetMetadata logEnd, long recoveryPoint, long highWatermark) {
        this.logStartOffset = logStartOffset;
        this.logEnd = logEnd;
        this.recoveryPoint = recoveryPoint;
        updateHighWatermark(highWatermark);
    }

    long logStartOffset() {
        return logStartOffset;
    }

    void logStartOffset(long offset) {
        logStartOffset = offset;
    }

    long logEndOffset() {
        return logEnd.messageOffset();
    }

    LogOffsetMetadata logEnd() {
        return logEnd;
    }

    /** Publishes a new log end; reads see the records below it from now on. */
    void logEnd(LogOffsetMetadata end) {
        logEnd = end;
    }

    long highWatermark() {
        return highWatermark.messageOffset();
    }

    long recoveryPoint() {
        return recoveryPoint;
    }

    /** As {@link Log#updateHighWatermark}. */
    synchronized long updateHighWatermark(long requested) {
        LogOffsetMetadata end = logEnd;
        long hw = Math.min(Math.max(requested, logStartOffset), end.messageOffset());
        highWatermark = hw == end.messageOffset() ? end : LogOffsetMetadata.offsetOnly(hw);
        return hw;
    }

    /** The high watermark with its segment position, found through {@code reader} the first time it is asked for. */
    LogOffsetMetadata highWatermarkWithPosition(LogReader reader) {
        LogOffsetMetadata hw = highWatermark;
        if (hw.positionKnown()) {
            return hw;
        }
        LogOffsetMetadata resolved = reader.withPosition(hw.messageOffset(), logEnd);
        synchronized (this) {
            // Cache it only if no update came in meanwhile, or a stale value would overwrite a newer one.
            if (highWatermark == hw) {
                highWatermark = resolved;
            }
        }
        return resolved;
    }

    /**
     * As {@link Log#maybeIncrementHighWatermark}: moves the high watermark up to {@code candidate}
     * (whose position, if known, is kept for distance checks) when that is higher and within the log.
     */
    synchronized boolean maybeIncrementHighWatermark(LogOffsetMetadata candidate) {
        LogOffsetMetadata end = logEnd;
        long offset = candidate.messageOffset();
        if (offset <= highWatermark.messageOffset() || offset > end.messageOffset()) {
            return false;
        }
        highWatermark = offset == end.messageOffset() ? end : candidate;
        return true;
    }

    /**
     * Moves the recovery point up to {@code offset}, but not past the log end.
     *
     * @return false if it already was at or above {@code offset}
     */
    boolean advanceRecoveryPoint(long offset) {
        if (offset <= recoveryPoint) {
            return false;
        }
        recoveryPoint = Math.min(offset, logEndOffset());
        return true;
    }

    /** After the log was cut back to end at {@code newEnd} (already published): no offset may lie beyond it. */
    synchronized void onTruncation(long newEnd) {
        recoveryPoint = Math.min(recoveryPoint, newEnd);
        logStartOffset = Math.min(logStartOffset, newEnd);
        if (highWatermark() > newEnd) {
            highWatermark = logEnd;
        } else if (!highWatermark.positionKnown() || highWatermark() == newEnd) {
            updateHighWatermark(highWatermark());
        } else {
            highWatermark = LogOffsetMetadata.offsetOnly(highWatermark());
        }
    }
}
