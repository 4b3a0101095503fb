package io.samsa.core.log;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a partition log back at either end: from an offset on (a follower that diverged from its
 * leader), everything (to start empty at a new offset), or whole segments at the start (retention).
 * Each operation leaves the offsets, the leader-epoch cache and the producer state in line with the
 * segments that remain; removed segments keep serving reads in flight until their files go.
 *
 * <p>Not thread-safe: {@link Log} calls it under its lock, after checking the log is open.
 */
final class LogTruncation {

    private static final Logger LOG = LoggerFactory.getLogger(LogTruncation.class);

    private final TopicPartition topicPartition;
    private final LogSegments segments;
    private final LogOffsets offsets;
    private final LeaderEpochFileCache epochCache;
    private final ProducerStateManager producerState;
    private final Scheduler scheduler;
    private final Time time;

    LogTruncation(TopicPartition topicPartition, LogSegments segments, LogOffsets offsets,
                  LeaderEpochFileCache epochCache, ProducerStateManager producerState, Scheduler scheduler, Time time) {
        this.topicPartition = topicPartition;
        this.segments = segments;
        this.offsets = offsets;
        this.epochCache = epochCache;
        this.producerState = producerState;
        this.scheduler = scheduler;
        this.time = time;
    }

    /** Removes every record from {@code targetOffset} on; the first segment starts at or below it. */
    void truncateTo(long targetOffset, LogConfig config) throws IOException {
        List<LogSegment> removed = segments.from(targetOffset + 1);
        removed.removeIf(s -> s.baseOffset() <= targetOffset);
        for (LogSegment s : removed) {
            segments.remove(s.baseOffset());
        }
        SegmentFiles.deleteLater(removed, scheduler, config.fileDeleteDelayMs());
        LogSegment active = segments.active();
        active.truncateTo(targetOffset);
        long newEnd = Math.max(active.readNextOffset(), active.baseOffset());
        offsets.logEnd(new LogOffsetMetadata(newEnd, active.baseOffset(), active.size()));
        afterTruncation(newEnd);
        producerState.recover(segments, offsets.logStartOffset(), newEnd);
    }

    /** Drops every segment and starts empty at {@code newOffset}, in a new segment under {@code dir}. */
    void truncateFullyAndStartAt(long newOffset, File dir, LogConfig config) throws IOException {
        List<LogSegment> removed = new ArrayList<>(segments.all());
        offsets.logStartOffset(newOffset);
        segments.clear();
        SegmentFiles.deleteLater(removed, scheduler, config.fileDeleteDelayMs());
        SegmentFiles.removeStale(dir, newOffset);
        LogSegment segment = LogSegment.open(dir, newOffset, config, time);
        segments.add(segment);
        offsets.logEnd(new LogOffsetMetadata(newOffset, newOffset, 0));
        epochCache.clear();
        afterTruncation(newOffset);
        producerState.recover(segments, newOffset, newOffset);
    }

    private void afterTruncation(long newEnd) {
        offsets.onTruncation(newEnd);
        epochCache.truncateFromEnd(newEnd);
    }

    /**
     * Removes {@code deletable}, a prefix of the segments that retention chose and that the active
     * segment is no longer part of, and moves the log start offset to the segment after them.
     */
    void deleteFromStart(List<LogSegment> deletable, LogConfig config) throws IOException {
        long newStart = Math.max(offsets.logStartOffset(),
                segments.higher(deletable.get(deletable.size() - 1).baseOffset()).baseOffset());
        // Raise the start first so that a concurrent read gets OFFSET_OUT_OF_RANGE, not a later segment.
        offsets.logStartOffset(newStart);
        for (LogSegment s : deletable) {
            segments.remove(s.baseOffset());
        }
        SegmentFiles.deleteLater(deletable, scheduler, config.fileDeleteDelayMs());
        epochCache.truncateFromStart(newStart);
        producerState.deleteSnapshotsBelow(newStart);
        LOG.info("Deleted {} segment(s) of {} by retention; log start offset is now {}", deletable.size(),
                topicPartition, newStart);
    }
}
