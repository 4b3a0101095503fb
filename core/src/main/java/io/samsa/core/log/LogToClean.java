package io.samsa.core.log;

/**
 * One compacted log as the cleaner manager sizes it up: where its dirty (not yet cleaned) part
 * starts, how far cleaning may go (a segment boundary below the active segment, the high
 * watermark and {@code min.compaction.lag.ms}), and the bytes on either side. Immutable.
 *
 * @param firstDirtyOffset  the offset the log is clean up to (from {@code cleaner-offset-checkpoint})
 * @param cleanableEnd      cleaning stops before this offset, the base offset of a segment
 * @param cleanBytes        bytes of the segments wholly below the first dirty offset
 * @param cleanableBytes    bytes of the dirty segments below {@code cleanableEnd}
 * @param needCompactionNow its oldest dirty record is older than {@code max.compaction.lag.ms}
 * @param tombstonesDue     a tombstone's delete horizon has passed, so cleaning would remove it
 */
record LogToClean(Log log, long firstDirtyOffset, long cleanableEnd, long cleanBytes, long cleanableBytes,
                  boolean needCompactionNow, boolean tombstonesDue) {

    /** The dirty share of the log's bytes, which {@code min.cleanable.dirty.ratio} is compared with. */
    double cleanableRatio() {
        long total = cleanBytes + cleanableBytes;
        return total == 0 ? 0.0 : (double) cleanableBytes / total;
    }

    /** Whether the log should be cleaned now. */
    boolean eligible() {
        if (cleanableBytes > 0 && (needCompactionNow || cleanableRatio() > log.config().minCleanableDirtyRatio())) {
            return true;
        }
        return tombstonesDue && cleanBytes + cleanableBytes > 0;
    }
}
