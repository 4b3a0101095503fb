package io.samsa.core.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses which leading segments of a log retention removes, by Kafka's rules: segments wholly
 * below the log start offset always; with {@code cleanup.policy} including delete, also those
 * whose largest timestamp is older than {@code retention.ms} and the oldest ones while the log
 * exceeds {@code retention.bytes}. Only a prefix of the log is ever chosen, a segment must lie
 * wholly below the high watermark, and an empty active segment is never chosen. Stateless;
 * thread-safe.
 */
final class RetentionPolicy {

    /** Decides, segment by segment from the oldest, whether one may go. */
    private interface Predicate {
        boolean deletable(LogSegment segment, LogSegment next);
    }

    /** The segments to delete, oldest first, by the first rule that selects any. */
    List<LogSegment> deletableSegments(LogSegments segments, LogConfig config, long logStartOffset, long highWatermark,
                                       long logEndOffset, long now) {
        List<LogSegment> chosen = prefix(segments, highWatermark, logEndOffset,
                (segment, next) -> next != null && next.baseOffset() <= logStartOffset);
        if (!config.delete()) {
            return chosen;
        }
        if (config.retentionMs() >= 0) {
            List<LogSegment> byTime = prefix(segments, highWatermark, logEndOffset,
                    (segment, next) -> now - segment.largestTimestamp() > config.retentionMs());
            if (byTime.size() > chosen.size()) {
                chosen = byTime;
            }
        }
        if (config.retentionBytes() >= 0) {
            long excess = segments.sizeInBytes() - config.retentionBytes();
            if (excess > 0) {
                long[] remaining = {excess};
                List<LogSegment> bySize = prefix(segments, highWatermark, logEndOffset, (segment, next) -> {
                    if (remaining[0] - segment.size() >= 0) {
                        remaining[0] -= segment.size();
                        return true;
                    }
                    return false;
                });
                if (bySize.size() > chosen.size()) {
                    chosen = bySize;
                }
            }
        }
        return chosen;
    }

    private static List<LogSegment> prefix(LogSegments segments, long highWatermark, long logEndOffset,
                                           Predicate predicate) {
        List<LogSegment> out = new ArrayList<>();
        LogSegment segment = segments.first();
        while (segment != null) {
            LogSegment next = segments.higher(segment.baseOffset());
            boolean lastAndEmpty = next == null && segment.size() == 0;
            long upperBound = next != null ? next.baseOffset() : logEndOffset;
            if (lastAndEmpty || highWatermark < upperBound || !predicate.deletable(segment, next)) {
                break;
            }
            out.add(segment);
            segment = next;
        }
        return out;
    }
}
