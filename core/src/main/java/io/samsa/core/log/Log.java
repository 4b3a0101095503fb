package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One partition's log: a directory {@code <topic>-<partition>} of segments, the offsets that
 * bound it (log start, high watermark, log end), its recovery point and its leader-epoch cache.
 *
 * <p>Thread-safety: appends, rolls, truncation and retention are serialized by one lock. Reads
 * take no lock: they see the log end offset (with its segment position) through a volatile
 * field published after each append, so they never return a partly written batch, and they find
 * segments in a concurrent map. Removed segments are renamed {@code .deleted} and closed only
 * after {@code file.delete.delay.ms}, so a read that already holds a slice can still send it.
 */
public final class Log {

    private static final Logger LOG = LoggerFactory.getLogger(Log.class);

    private final TopicPartition topicPartition;
    private final Time time;
    private final Scheduler scheduler;
    private final LogSegments segments;
    private final LeaderEpochFileCache epochCache;
    private final ReentrantLock lock = new ReentrantLock();
    private final RetentionPolicy retention = new RetentionPolicy();
    private final LogReader reader;
    private final ProducerStateManager producerState;

    private volatile File dir;
    private volatile LogConfig config;
    private volatile LogOffsetMetadata nextOffsetMetadata;
    private volatile LogOffsetMetadata highWatermarkMetadata;
    private volatile long logStartOffset;
    private volatile long recoveryPoint;
    private volatile long lastFlushTime;
    private volatile boolean closed;

    private Log(File dir, TopicPartition tp, LogConfig config, Time time, Scheduler scheduler,
                LogLoader.LoadedLog loaded, LeaderEpochFileCache epochCache, long highWatermark) {
        this.dir = dir;
        this.topicPartition = tp;
        this.config = config;
        this.time = time;
        this.scheduler = scheduler;
        this.segments = loaded.segments();
        this.reader = new LogReader(tp, segments);
        this.epochCache = epochCache;
        this.logStartOffset = loaded.logStartOffset();
        this.recoveryPoint = loaded.recoveryPoint();
        this.nextOffsetMetadata = loaded.nextOffset();
        this.lastFlushTime = time.milliseconds();
        long hw = Math.min(Math.max(highWatermark, logStartOffset), nextOffsetMetadata.messageOffset());
        this.highWatermarkMetadata = hw == nextOffsetMetadata.messageOffset() ? nextOffsetMetadata
                : LogOffsetMetadata.offsetOnly(hw);
        this.producerState = new ProducerStateManager(dir, tp);
    }

    /**
     * Opens (creating if needed) the log in {@code dir}, whose name must be {@code <topic>-<partition>}.
     *
     * @param hadCleanShutdown         whether the log dir carried the clean-shutdown marker
     * @param logStartOffsetCheckpoint from {@code log-start-offset-checkpoint}, 0 if absent
     * @param recoveryPoint            from {@code recovery-point-offset-checkpoint}, 0 if absent
     * @param highWatermark            from {@code replication-offset-checkpoint}, 0 if absent
     */
    public static Log open(File dir, LogConfig config, Time time, Scheduler scheduler, boolean hadCleanShutdown,
                           long logStartOffsetCheckpoint, long recoveryPoint, long highWatermark) throws IOException {
        TopicPartition tp = LogFileNames.parseTopicPartition(dir.getName());
        if (tp == null) {
            throw new IllegalArgumentException("Log directory name " + dir.getName() + " is not <topic>-<partition>");
        }
        Files.createDirectories(dir.toPath());
        LeaderEpochFileCache epochCache = new LeaderEpochFileCache(
                new LeaderEpochCheckpointFile(new File(dir, LogFileNames.LEADER_EPOCH_CHECKPOINT)));
        LogLoader.LoadedLog loaded = new LogLoader(dir, config, time, hadCleanShutdown, logStartOffsetCheckpoint,
                recoveryPoint, epochCache).load();
        Log log = new Log(dir, tp, config, time, scheduler, loaded, epochCache, highWatermark);
        log.producerState.recover(log.segments, log.logStartOffset, log.logEndOffset());
        return log;
    }

    /** A new or cleanly closed log with no checkpointed offsets. */
    public static Log open(File dir, LogConfig config, Time time, Scheduler scheduler) throws IOException {
        return open(dir, config, time, scheduler, true, 0L, 0L, 0L);
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public File dir() {
        return dir;
    }

    public LogConfig config() {
        return config;
    }

    /** Applies a topic config change; takes effect from the next append or retention pass. */
    public void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    public LeaderEpochFileCache leaderEpochCache() {
        return epochCache;
    }

    public LogSegments segments() {
        return segments;
    }

    public long logStartOffset() {
        return logStartOffset;
    }

    public long logEndOffset() {
        return nextOffsetMetadata.messageOffset();
    }

    public LogOffsetMetadata logEndOffsetMetadata() {
        return nextOffsetMetadata;
    }

    public long highWatermark() {
        return highWatermarkMetadata.messageOffset();
    }

    /** Offsets below this are fsynced; recovery after a crash starts here. */
    public long recoveryPoint() {
        return recoveryPoint;
    }

    public long lastFlushTime() {
        return lastFlushTime;
    }

    public long size() {
        return segments.sizeInBytes();
    }

    public int numberOfSegments() {
        return segments.count();
    }

    /**
     * Sets the high watermark, clamped to [log start offset, log end offset].
     *
     * @return the value set
     */
    public long updateHighWatermark(long highWatermark) {
        LogOffsetMetadata end = nextOffsetMetadata;
        long hw = Math.min(Math.max(highWatermark, logStartOffset), end.messageOffset());
        highWatermarkMetadata = hw == end.messageOffset() ? end : LogOffsetMetadata.offsetOnly(hw);
        return hw;
    }

    /**
     * Validates a produce request's batches, gives them the next offsets and {@code leaderEpoch},
     * and appends them, rolling a new segment first if needed. Rejected input leaves the log
     * untouched and comes back as an error in the result.
     *
     * @param batches the partition's records from the request, position to limit; rewritten in place
     * @throws StorageException if the disk fails
     */
    public LogAppendInfo append(ByteBuffer batches, int leaderEpoch) {
        LogConfig cfg = config;
        LogAppendInfo info = LogValidator.validateForLeader(batches, cfg, time.milliseconds());
        if (!info.succeeded() || info.validBytes() == 0) {
            info.logStartOffset(logStartOffset);
            return info;
        }
        if (info.validBytes() > cfg.segmentBytes()) {
            info.fail(Errors.RECORD_LIST_TOO_LARGE, "Message batch of " + info.validBytes()
                    + " bytes exceeds segment.bytes " + cfg.segmentBytes());
            return info;
        }
        lock.lock();
        try {
            checkOpen();
            ProducerStateManager.Check check = producerState.checkLeaderAppend(batches);
            if (check.isDuplicate()) {
                // A retry of a batch already in the log: answer with its offsets and write nothing.
                info.duplicateOf(check.duplicate().firstOffset(), check.duplicate().lastOffset());
                info.logStartOffset(logStartOffset);
                return info;
            }
            if (check.error() != Errors.NONE) {
                info.fail(check.error(), check.message());
                info.logStartOffset(logStartOffset);
                return info;
            }
            long firstOffset = nextOffsetMetadata.messageOffset();
            long lastOffset = LogValidator.assignOffsets(batches, firstOffset, leaderEpoch);
            info.assignedOffsets(firstOffset, lastOffset);
            if (leaderEpoch >= 0 && leaderEpoch > epochCache.latestEpoch()) {
                epochCache.assign(leaderEpoch, firstOffset);
            }
            // The file write consumes the buffer; the producer state reads the headers from a view.
            ByteBuffer written = batches.duplicate();
            appendValidated(info, batches, cfg);
            producerState.onAppended(written);
            info.logStartOffset(logStartOffset);
            return info;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends batches replicated from the leader, keeping their offsets and leader epochs. They
     * must start at or after the log end offset.
     */
    public LogAppendInfo appendAsFollower(ByteBuffer batches) {
        lock.lock();
        try {
            checkOpen();
            LogConfig cfg = config;
            LogAppendInfo info = LogValidator.validateForFollower(batches, cfg, logEndOffset());
            if (info.succeeded() && info.validBytes() > 0) {
                int end = batches.limit();
                for (int at = batches.position(); at < end; at += BatchHeaders.sizeInBytes(batches, at)) {
                    int epoch = BatchHeaders.partitionLeaderEpoch(batches, at);
                    if (epoch >= 0 && epoch > epochCache.latestEpoch()) {
                        epochCache.assign(epoch, BatchHeaders.baseOffset(batches, at));
                    }
                }
                ByteBuffer written = batches.duplicate();
                appendValidated(info, batches, cfg);
                producerState.onAppended(written);
            }
            info.logStartOffset(logStartOffset);
            return info;
        } finally {
            lock.unlock();
        }
    }

    private void appendValidated(LogAppendInfo info, ByteBuffer batches, LogConfig cfg) {
        try {
            LogSegment segment = maybeRoll(cfg, info.validBytes(), info.maxTimestamp(), info.firstOffset(),
                    info.lastOffset());
            segment.append(info.lastOffset(), info.maxTimestamp(), info.offsetOfMaxTimestamp(), batches);
            nextOffsetMetadata = new LogOffsetMetadata(info.lastOffset() + 1, segment.baseOffset(), segment.size());
            if (logEndOffset() - recoveryPoint >= cfg.flushMessages()) {
                flush(logEndOffset());
            }
        } catch (IOException e) {
            throw new StorageException("Error appending to " + topicPartition + " in " + dir, e);
        }
    }

    private LogSegment maybeRoll(LogConfig cfg, int messagesSize, long maxTimestamp, long firstOffset, long lastOffset)
            throws IOException {
        LogSegment active = segments.active();
        if (active.shouldRoll(cfg, maxTimestamp, lastOffset, messagesSize, time.milliseconds())) {
            return roll(firstOffset);
        }
        return active;
    }

    /** Starts a new active segment at the log end offset (or {@code expectedNextOffset} if later). */
    public LogSegment roll(long expectedNextOffset) {
        lock.lock();
        try {
            checkOpen();
            long newOffset = Math.max(expectedNextOffset, logEndOffset());
            LogSegment active = segments.active();
            if (segments.contains(newOffset)) {
                if (active.baseOffset() == newOffset && active.size() == 0) {
                    return active;
                }
                throw new IllegalStateException("Cannot roll " + topicPartition + " to " + newOffset
                        + ": a segment with that base offset exists");
            }
            SegmentFiles.removeStale(dir, newOffset);
            // The producer state as of the new segment's base offset, so recovery replays at most one segment.
            producerState.takeSnapshot(newOffset);
            active.onBecomeInactiveSegment();
            LogSegment segment = LogSegment.open(dir, newOffset, config, time);
            segments.add(segment);
            nextOffsetMetadata = new LogOffsetMetadata(logEndOffset(), newOffset, 0);
            LOG.debug("Rolled new segment {} of {}", newOffset, topicPartition);
            // The finished segments will not change again; make them durable off the append path.
            scheduler.scheduleOnce("flush-log", () -> flushQuietly(newOffset), 0L);
            return segment;
        } catch (IOException e) {
            throw new StorageException("Error rolling " + topicPartition + " in " + dir, e);
        } finally {
            lock.unlock();
        }
    }

    public LogSegment roll() {
        return roll(logEndOffset());
    }

    /**
     * Reads from {@code offset}, returning at most {@code maxBytes} (but the whole first batch if
     * {@code minOneMessage}) of one segment, never past {@code isolation}'s bound.
     */
    public FetchDataInfo read(long offset, int maxBytes, FetchIsolation isolation, boolean minOneMessage) {
        LogOffsetMetadata bound = isolation == FetchIsolation.HIGH_WATERMARK ? highWatermarkWithPosition()
                : nextOffsetMetadata;
        return read(offset, maxBytes, bound, minOneMessage);
    }

    /** As {@link #read(long, int, FetchIsolation, boolean)}, bounded by an explicit {@code maxOffset}. */
    public FetchDataInfo read(long offset, int maxBytes, long maxOffset, boolean minOneMessage) {
        LogOffsetMetadata end = nextOffsetMetadata;
        LogOffsetMetadata bound;
        if (maxOffset >= end.messageOffset()) {
            bound = end;
        } else if (maxOffset == highWatermark()) {
            bound = highWatermarkWithPosition();
        } else {
            bound = withPosition(LogOffsetMetadata.offsetOnly(maxOffset));
        }
        return read(offset, maxBytes, bound, minOneMessage);
    }

    private FetchDataInfo read(long offset, int maxBytes, LogOffsetMetadata bound, boolean minOneMessage) {
        return reader.read(offset, maxBytes, bound, logStartOffset, nextOffsetMetadata, minOneMessage);
    }

    private LogOffsetMetadata highWatermarkWithPosition() {
        LogOffsetMetadata hw = highWatermarkMetadata;
        if (hw.positionKnown()) {
            return hw;
        }
        LogOffsetMetadata resolved = withPosition(hw);
        if (highWatermarkMetadata == hw) {
            highWatermarkMetadata = resolved;
        }
        return resolved;
    }

    private LogOffsetMetadata withPosition(LogOffsetMetadata offsetOnly) {
        return reader.withPosition(offsetOnly.messageOffset(), nextOffsetMetadata);
    }

    /**
     * ListOffsets: for a timestamp, the first offset whose record timestamp is at least it; for
     * {@link ListOffsetsTimestamps#EARLIEST} the log start offset, for {@link ListOffsetsTimestamps#LATEST}
     * the log end offset, for {@link ListOffsetsTimestamps#MAX_TIMESTAMP} the offset recorded for the
     * largest timestamp. Null when no record is that recent.
     */
    public TimestampAndOffset offsetForTimestamp(long timestamp) {
        if (timestamp == ListOffsetsTimestamps.EARLIEST) {
            long start = logStartOffset;
            return new TimestampAndOffset(TimestampOffset.NO_TIMESTAMP, start, epochCache.epochForOffset(start));
        }
        if (timestamp == ListOffsetsTimestamps.LATEST) {
            return new TimestampAndOffset(TimestampOffset.NO_TIMESTAMP, logEndOffset(), epochCache.latestEpoch());
        }
        if (timestamp == ListOffsetsTimestamps.MAX_TIMESTAMP) {
            return reader.maxTimestampAndOffset(epochCache);
        }
        return reader.offsetForTimestamp(timestamp, logStartOffset, epochCache);
    }

    /**
     * Removes every record from {@code targetOffset} on (a follower diverged from its leader).
     *
     * @return true if anything was removed
     */
    public boolean truncateTo(long targetOffset) {
        if (targetOffset < 0) {
            throw new IllegalArgumentException("Cannot truncate " + topicPartition + " to negative offset " + targetOffset);
        }
        lock.lock();
        try {
            checkOpen();
            if (targetOffset >= logEndOffset()) {
                return false;
            }
            if (segments.first().baseOffset() > targetOffset) {
                truncateFullyAndStartAt(targetOffset);
                return true;
            }
            List<LogSegment> removed = segments.from(targetOffset + 1);
            removed.removeIf(s -> s.baseOffset() <= targetOffset);
            for (LogSegment s : removed) {
                segments.remove(s.baseOffset());
            }
            deleteSegmentFiles(removed);
            LogSegment active = segments.active();
            active.truncateTo(targetOffset);
            long newEnd = Math.max(active.readNextOffset(), active.baseOffset());
            nextOffsetMetadata = new LogOffsetMetadata(newEnd, active.baseOffset(), active.size());
            afterTruncation(newEnd);
            producerState.recover(segments, logStartOffset, newEnd);
            return true;
        } catch (IOException e) {
            throw new StorageException("Error truncating " + topicPartition + " to " + targetOffset, e);
        } finally {
            lock.unlock();
        }
    }

    /** Drops every segment and starts empty at {@code newOffset}. */
    public void truncateFullyAndStartAt(long newOffset) {
        lock.lock();
        try {
            checkOpen();
            List<LogSegment> removed = new ArrayList<>(segments.all());
            logStartOffset = newOffset;
            segments.clear();
            deleteSegmentFiles(removed);
            SegmentFiles.removeStale(dir, newOffset);
            LogSegment segment = LogSegment.open(dir, newOffset, config, time);
            segments.add(segment);
            nextOffsetMetadata = new LogOffsetMetadata(newOffset, newOffset, 0);
            epochCache.clear();
            afterTruncation(newOffset);
            producerState.recover(segments, newOffset, newOffset);
        } catch (IOException e) {
            throw new StorageException("Error emptying " + topicPartition, e);
        } finally {
            lock.unlock();
        }
    }

    private void afterTruncation(long newEnd) {
        recoveryPoint = Math.min(recoveryPoint, newEnd);
        logStartOffset = Math.min(logStartOffset, newEnd);
        if (highWatermark() > newEnd) {
            highWatermarkMetadata = nextOffsetMetadata;
        } else if (!highWatermarkMetadata.positionKnown() || highWatermark() == newEnd) {
            updateHighWatermark(highWatermark());
        } else {
            highWatermarkMetadata = LogOffsetMetadata.offsetOnly(highWatermark());
        }
        epochCache.truncateFromEnd(newEnd);
    }

    /**
     * DeleteRecords: moves the log start offset up to {@code newStartOffset} (at most the high
     * watermark); whole segments below it go at the next retention pass.
     *
     * @return the log start offset after the call
     */
    public long maybeIncrementLogStartOffset(long newStartOffset) {
        lock.lock();
        try {
            checkOpen();
            if (newStartOffset > highWatermark()) {
                throw new IllegalArgumentException("Cannot move the log start offset of " + topicPartition + " to "
                        + newStartOffset + ", above the high watermark " + highWatermark());
            }
            if (newStartOffset > logStartOffset) {
                logStartOffset = newStartOffset;
                epochCache.truncateFromStart(newStartOffset);
            }
            return logStartOffset;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies retention: deletes whole segments that lie below the log start offset, and (unless
     * the topic is compact-only) those older than {@code retention.ms} or beyond
     * {@code retention.bytes}. Only segments below the high watermark go; the active segment goes
     * only when it is not empty, after a new one is rolled.
     *
     * @return the number of segments deleted
     */
    public int deleteOldSegments() {
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            LogConfig cfg = config;
            List<LogSegment> deletable = retention.deletableSegments(segments, cfg, logStartOffset, highWatermark(),
                    logEndOffset(), time.milliseconds());
            if (deletable.isEmpty()) {
                return 0;
            }
            if (deletable.size() == segments.count()) {
                roll(logEndOffset());
            }
            long newStart = Math.max(logStartOffset, segments.higher(deletable.get(deletable.size() - 1).baseOffset())
                    .baseOffset());
            // Raise the start first so that a concurrent read gets OFFSET_OUT_OF_RANGE, not a later segment.
            logStartOffset = newStart;
            for (LogSegment s : deletable) {
                segments.remove(s.baseOffset());
            }
            deleteSegmentFiles(deletable);
            epochCache.truncateFromStart(newStart);
            producerState.deleteSnapshotsBelow(newStart);
            LOG.info("Deleted {} segment(s) of {} by retention; log start offset is now {}", deletable.size(),
                    topicPartition, newStart);
            return deletable.size();
        } catch (IOException e) {
            throw new StorageException("Error deleting old segments of " + topicPartition, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Swaps a cleaned segment (files named {@code .cleaned}, complete and fsynced) in for the
     * segments it was written from, by Kafka's crash-safe protocol: rename it {@code .swap} (a
     * restart from here on completes the swap, see {@link LogLoader}), serve it instead of the old
     * segments and rename those {@code .deleted}, then give it the live names. The cleaned segment
     * has the first old segment's base offset. Nothing happens, and false comes back, when the log
     * changed under the cleaner: closed, or one of the old segments removed, truncated or active.
     *
     * @param oldSizes the sizes the old segments had when the cleaner read them
     */
    boolean replaceSegments(LogSegment cleaned, List<LogSegment> oldSegments, List<Integer> oldSizes,
                            SwapObserver observer) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            LogSegment active = segments.active();
            for (int i = 0; i < oldSegments.size(); i++) {
                LogSegment old = oldSegments.get(i);
                if (segments.get(old.baseOffset()) != old || old == active || old.size() != oldSizes.get(i)) {
                    LOG.info("Not swapping in the cleaned segment {} of {}: the log changed while it was cleaned",
                            cleaned.baseOffset(), topicPartition);
                    return false;
                }
            }
            cleaned.changeFileSuffixes(LogFileNames.CLEANED_SUFFIX, LogFileNames.SWAP_SUFFIX);
            CheckpointFile.fsyncDirectory(dir);
            observer.reached(SwapObserver.Step.RENAMED_TO_SWAP);
            segments.add(cleaned);
            for (LogSegment old : oldSegments) {
                if (old.baseOffset() != cleaned.baseOffset()) {
                    segments.remove(old.baseOffset());
                }
            }
            deleteSegmentFiles(oldSegments);
            observer.reached(SwapObserver.Step.OLD_SEGMENTS_REMOVED);
            cleaned.changeFileSuffixes(LogFileNames.SWAP_SUFFIX, "");
            CheckpointFile.fsyncDirectory(dir);
            observer.reached(SwapObserver.Step.SWAP_COMPLETED);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void deleteSegmentFiles(List<LogSegment> removed) throws IOException {
        SegmentFiles.deleteLater(removed, scheduler, config.fileDeleteDelayMs());
    }

    /** Fsyncs everything appended so far. */
    public void flush() {
        flush(logEndOffset());
    }

    /** Fsyncs the segments holding offsets below {@code offset} and advances the recovery point to it. */
    public void flush(long offset) {
        long from = recoveryPoint;
        if (offset <= from) {
            return;
        }
        try {
            for (LogSegment s : segments.overlapping(from, offset)) {
                s.flush();
            }
        } catch (IOException e) {
            throw new StorageException("Error flushing " + topicPartition, e);
        }
        lock.lock();
        try {
            if (offset > recoveryPoint) {
                recoveryPoint = Math.min(offset, logEndOffset());
                lastFlushTime = time.milliseconds();
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushQuietly(long offset) {
        try {
            if (!closed) {
                flush(offset);
            }
        } catch (RuntimeException e) {
            LOG.warn("Background flush of {} failed", topicPartition, e);
        }
    }

    /** Forgets producers silent for {@code expirationMs}; returns how many. */
    public int removeExpiredProducers(long expirationMs) {
        lock.lock();
        try {
            return closed ? 0 : producerState.removeExpired(time.milliseconds(), expirationMs);
        } finally {
            lock.unlock();
        }
    }

    /** The number of idempotent producers this partition remembers. */
    public int activeProducerCount() {
        lock.lock();
        try {
            return producerState.activeProducerCount();
        } finally {
            lock.unlock();
        }
    }

    /** Flushes and closes every segment. Reads after this fail. */
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                producerState.takeSnapshot(logEndOffset());
            } catch (IOException e) {
                LOG.error("Error writing the producer state snapshot of {}", topicPartition, e);
            }
            for (LogSegment s : segments.all()) {
                try {
                    s.close();
                } catch (IOException e) {
                    LOG.error("Error closing segment {} of {}", s.baseOffset(), topicPartition, e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the log and removes its directory. */
    public void delete() {
        lock.lock();
        try {
            close();
            SegmentFiles.deleteRecursively(dir.toPath());
        } catch (IOException e) {
            throw new StorageException("Error deleting " + dir, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Renames the directory (to its {@code -delete} name when the partition is being deleted);
     * open channels keep working, so reads in flight finish.
     */
    void renameDir(String newName) throws IOException {
        lock.lock();
        try {
            File target = new File(dir.getParentFile(), newName);
            Files.move(dir.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
            dir = target;
            for (LogSegment s : segments.all()) {
                s.updateParentDir(target);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The log dir this log lives under. */
    public File parentDir() {
        return dir.getParentFile();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Log " + topicPartition + " is closed");
        }
    }

    @Override
    public String toString() {
        return "Log(" + topicPartition + ", dir=" + dir + ", start=" + logStartOffset + ", end=" + logEndOffset()
                + ", hw=" + highWatermark() + ")";
    }
}
