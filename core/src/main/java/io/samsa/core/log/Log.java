package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.record.BatchLayout;
import io.samsa.record.RecordFormatException;
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
import java.util.function.LongConsumer;

/**
 * One partition's log: a directory {@code <topic>-<partition>} of segments, the offsets that
 * bound it (log start, high watermark, log end), its recovery point and its leader-epoch cache.
 *
 * <p>Thread-safety: appends, rolls, truncation and retention are serialized by one lock. Reads
 * take no lock: they see the log end offset (with its segment position) through a volatile
 * field published after each append, so they never return a partly written batch, and they find
 * segments in a concurrent map. Removed segments are renamed {@code .deleted} and closed only
 * after {@code file.delete.delay.ms}, so a read that already holds a slice can still send it.
 *
 * <p>This class holds the lock and the append path; the offsets live in {@link LogOffsets}, and
 * the work of cutting the log back ({@link LogTruncation}), of reading it ({@link LogReader}) and of
 * the cleaner's segment swap ({@link SegmentSwap}) is done by collaborators it calls.
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
    private final LogOffsets offsets;
    private final LogTruncation truncation;
    private final SegmentSwap swap;

    private volatile File dir;
    private volatile LogConfig config;
    private volatile long lastFlushTime;
    private volatile boolean closed;
    private volatile LongConsumer flushListener = nanos -> { };

    private Log(File dir, TopicPartition tp, LogConfig config, Time time, Scheduler scheduler,
                LogLoader.LoadedLog loaded, LeaderEpochFileCache epochCache, long highWatermark) {
        this.dir = dir;
        this.topicPartition = tp;
        this.config = config;
        this.time = time;
        this.scheduler = scheduler;
        this.segments = loaded.segments();
        this.reader = new LogReader(tp, segments, epochCache);
        this.epochCache = epochCache;
        this.offsets = new LogOffsets(loaded.logStartOffset(), loaded.nextOffset(), loaded.recoveryPoint(),
                highWatermark);
        this.lastFlushTime = time.milliseconds();
        this.producerState = new ProducerStateManager(dir, tp);
        this.truncation = new LogTruncation(tp, segments, offsets, epochCache, producerState, scheduler, time);
        this.swap = new SegmentSwap(tp, segments, scheduler);
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
        log.producerState.recover(log.segments, log.logStartOffset(), log.logEndOffset());
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
        return offsets.logStartOffset();
    }

    public long logEndOffset() {
        return offsets.logEndOffset();
    }

    public LogOffsetMetadata logEndOffsetMetadata() {
        return offsets.logEnd();
    }

    public long highWatermark() {
        return offsets.highWatermark();
    }

    /** The high watermark with its place in the log (segment and position), for cheap distance checks. */
    public LogOffsetMetadata highWatermarkMetadata() {
        return offsets.highWatermarkWithPosition(reader);
    }

    /** Offsets below this are fsynced; recovery after a crash starts here. */
    public long recoveryPoint() {
        return offsets.recoveryPoint();
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
        return offsets.updateHighWatermark(highWatermark);
    }

    /**
     * A leader's high watermark only moves up: to {@code candidate} (the lowest log end offset of
     * the replicas it waits for, with its place in this log) if that is higher and not past the log
     * end. Safe to call from many threads at once.
     *
     * @return true if it moved
     */
    public boolean maybeIncrementHighWatermark(LogOffsetMetadata candidate) {
        return offsets.maybeIncrementHighWatermark(candidate);
    }

    /**
     * A new leader records that its epoch starts at the log end offset, before any record of that
     * epoch is written, so followers holding records of a later, lost epoch learn where to truncate.
     */
    public void assignEpochStartOffset(int leaderEpoch, long startOffset) {
        lock.lock();
        try {
            checkOpen();
            epochCache.assign(leaderEpoch, startOffset);
        } finally {
            lock.unlock();
        }
    }

    /** The latest leader epoch of the records in this log (or assigned to its end), or -1. */
    public int latestEpoch() {
        return epochCache.latestEpoch();
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
        long now = time.milliseconds();
        LogAppendInfo info = LogValidator.validateForLeader(batches, cfg, now);
        if (!info.succeeded() || info.validBytes() == 0) {
            info.logStartOffset(logStartOffset());
            return info;
        }
        ByteBuffer stored;
        try {
            stored = TopicCompression.apply(batches, cfg);
        } catch (RecordFormatException | IllegalArgumentException e) {
            info.fail(Errors.CORRUPT_MESSAGE, "Cannot read the records of a batch to compress it as "
                    + cfg.compressionType() + ": " + e.getMessage());
            info.logStartOffset(logStartOffset());
            return info;
        }
        if (stored != batches) {
            // Re-encoded batches have new sizes and CRCs: take their measure again (max.message.bytes included).
            batches = stored;
            info = LogValidator.validateForLeader(batches, cfg, now);
            if (!info.succeeded()) {
                info.logStartOffset(logStartOffset());
                return info;
            }
        }
        if (info.validBytes() > cfg.segmentBytes()) {
            info.fail(Errors.RECORD_LIST_TOO_LARGE, "Message batch of " + info.validBytes()
                    + " bytes exceeds segment.bytes " + cfg.segmentBytes());
            return info;
        }
        lock.lock();
        try {
            checkOpen();
            ProducerStateManager.Check check = producerState.checkLeaderAppend(batches, logEndOffset() == 0);
            if (check.isDuplicate()) {
                // A retry of a batch already in the log: answer with its offsets and write nothing.
                info.duplicateOf(check.duplicate().firstOffset(), check.duplicate().lastOffset());
                info.logStartOffset(logStartOffset());
                return info;
            }
            if (check.error() != Errors.NONE) {
                info.fail(check.error(), check.message());
                info.logStartOffset(logStartOffset());
                return info;
            }
            long firstOffset = logEndOffset();
            long lastOffset = LogValidator.assignOffsets(batches, firstOffset, leaderEpoch);
            info.assignedOffsets(firstOffset, lastOffset);
            if (leaderEpoch >= 0 && leaderEpoch > epochCache.latestEpoch()) {
                epochCache.assign(leaderEpoch, firstOffset);
            }
            // The file write consumes the buffer; the producer state reads the headers from a view.
            ByteBuffer written = batches.duplicate();
            appendValidated(info, batches, cfg);
            producerState.onAppended(written);
            info.logStartOffset(logStartOffset());
            return info;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Appends batches replicated from the leader, keeping their offsets and leader epochs. They
     * must start at or after the log end offset, except in an empty log: there a first batch that
     * holds the log end offset (the leader's log start moved into it) restarts the log at the
     * batch's base offset. A batch cut off at the end of {@code batches} is left out.
     */
    public LogAppendInfo appendAsFollower(ByteBuffer batches) {
        lock.lock();
        try {
            checkOpen();
            LogConfig cfg = config;
            long logEnd = logEndOffset();
            if (batches.remaining() >= BatchLayout.LOG_OVERHEAD && logEnd == logStartOffset()) {
                long base = BatchHeaders.baseOffset(batches, batches.position());
                if (base < logEnd && batches.remaining() >= BatchLayout.HEADER_SIZE
                        && BatchHeaders.lastOffset(batches, batches.position()) >= logEnd) {
                    truncateFullyAndStartAt(base);
                }
            }
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
            info.logStartOffset(logStartOffset());
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
            offsets.logEnd(new LogOffsetMetadata(info.lastOffset() + 1, segment.baseOffset(), segment.size()));
            if (logEndOffset() - recoveryPoint() >= cfg.flushMessages()) {
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
            offsets.logEnd(new LogOffsetMetadata(logEndOffset(), newOffset, 0));
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
        LogOffsetMetadata bound = isolation == FetchIsolation.HIGH_WATERMARK
                ? offsets.highWatermarkWithPosition(reader) : offsets.logEnd();
        return read(offset, maxBytes, bound, minOneMessage);
    }

    /** As {@link #read(long, int, FetchIsolation, boolean)}, bounded by an explicit {@code maxOffset}. */
    public FetchDataInfo read(long offset, int maxBytes, long maxOffset, boolean minOneMessage) {
        LogOffsetMetadata end = offsets.logEnd();
        LogOffsetMetadata bound;
        if (maxOffset >= end.messageOffset()) {
            bound = end;
        } else if (maxOffset == highWatermark()) {
            bound = offsets.highWatermarkWithPosition(reader);
        } else {
            bound = reader.withPosition(maxOffset, offsets.logEnd());
        }
        return read(offset, maxBytes, bound, minOneMessage);
    }

    private FetchDataInfo read(long offset, int maxBytes, LogOffsetMetadata bound, boolean minOneMessage) {
        return reader.read(offset, maxBytes, bound, logStartOffset(), offsets.logEnd(), minOneMessage);
    }

    /**
     * ListOffsets: for a timestamp, the first offset whose record timestamp is at least it; for
     * {@link ListOffsetsTimestamps#EARLIEST} the log start offset, for {@link ListOffsetsTimestamps#LATEST}
     * the log end offset, for {@link ListOffsetsTimestamps#MAX_TIMESTAMP} the offset recorded for the
     * largest timestamp. Null when no record is that recent.
     */
    public TimestampAndOffset offsetForTimestamp(long timestamp) {
        return reader.offsetForTimestamp(timestamp, logStartOffset(), logEndOffset());
    }

    /**
     * ListOffsets v0's answer, Kafka's "offsets before" a time: the base offset of every segment,
     * each paired with the time it was last written, plus the log end offset (now) when the active
     * segment holds data; from the newest pair written at or before {@code timestamp} (the last one
     * for -1, latest; the first for -2, earliest) back to the oldest, at most {@code maxNumOffsets},
     * newest first. Coarse by design: old clients asked which segments predate a time.
     */
    public List<Long> offsetsBefore(long timestamp, int maxNumOffsets) {
        List<LogSegment> all = new ArrayList<>(segments.all());
        long start = logStartOffset();
        List<long[]> offsetTimes = new ArrayList<>(all.size() + 1);
        for (LogSegment segment : all) {
            offsetTimes.add(new long[] {Math.max(segment.baseOffset(), start), segment.lastModified()});
        }
        if (!all.isEmpty() && all.get(all.size() - 1).size() > 0) {
            offsetTimes.add(new long[] {logEndOffset(), time.milliseconds()});
        }
        int from;
        if (timestamp == ListOffsetsTimestamps.LATEST) {
            from = offsetTimes.size() - 1;
        } else if (timestamp == ListOffsetsTimestamps.EARLIEST) {
            from = 0;
        } else {
            from = offsetTimes.size() - 1;
            while (from >= 0 && offsetTimes.get(from)[1] > timestamp) {
                from--;
            }
        }
        List<Long> offsets = new ArrayList<>();
        for (int i = from; i >= 0 && offsets.size() < maxNumOffsets; i--) {
            offsets.add(offsetTimes.get(i)[0]);
        }
        return offsets;
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
            truncation.truncateTo(targetOffset, config);
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
            truncation.truncateFullyAndStartAt(newOffset, dir, config);
        } catch (IOException e) {
            throw new StorageException("Error emptying " + topicPartition, e);
        } finally {
            lock.unlock();
        }
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
            if (newStartOffset > logStartOffset()) {
                offsets.logStartOffset(newStartOffset);
                epochCache.truncateFromStart(newStartOffset);
            }
            return logStartOffset();
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
            List<LogSegment> deletable = retention.deletableSegments(segments, cfg, logStartOffset(), highWatermark(),
                    logEndOffset(), time.milliseconds());
            if (deletable.isEmpty()) {
                return 0;
            }
            if (deletable.size() == segments.count()) {
                roll(logEndOffset());
            }
            truncation.deleteFromStart(deletable, cfg);
            return deletable.size();
        } catch (IOException e) {
            throw new StorageException("Error deleting old segments of " + topicPartition, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The cleaner's swap of {@code cleaned} in for {@code oldSegments} (see {@link SegmentSwap}).
     * False when the log changed under the cleaner: closed, or an old segment removed, truncated
     * or active.
     *
     * @param oldSizes the sizes the old segments had when the cleaner read them
     */
    boolean replaceSegments(LogSegment cleaned, List<LogSegment> oldSegments, List<Integer> oldSizes,
                            SwapObserver observer) throws IOException {
        lock.lock();
        try {
            return !closed && swap.swap(dir, config, cleaned, oldSegments, oldSizes, observer);
        } finally {
            lock.unlock();
        }
    }

    /** Told how long each flush that wrote something took, in nanoseconds (Kafka's LogFlushStats). */
    public void onFlush(LongConsumer listener) {
        flushListener = listener;
    }

    /** Fsyncs everything appended so far. */
    public void flush() {
        flush(logEndOffset());
    }

    /** Fsyncs the segments holding offsets below {@code offset} and advances the recovery point to it. */
    public void flush(long offset) {
        long from = recoveryPoint();
        if (offset <= from) {
            return;
        }
        long start = time.nanoseconds();
        try {
            for (LogSegment s : segments.overlapping(from, offset)) {
                s.flush();
            }
        } catch (IOException e) {
            throw new StorageException("Error flushing " + topicPartition, e);
        }
        flushListener.accept(time.nanoseconds() - start);
        lock.lock();
        try {
            if (offsets.advanceRecoveryPoint(offset)) {
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

    /** Snapshots the producer state, then flushes and closes every segment. Reads after this fail. */
    public void close() {
        close(true);
    }

    private void close(boolean snapshot) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (snapshot) {
                try {
                    producerState.takeSnapshot(logEndOffset());
                } catch (IOException e) {
                    LOG.error("Error writing the producer state snapshot of {}", topicPartition, e);
                }
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

    /** Closes the log and removes its directory; no snapshot is written for data about to go. */
    public void delete() {
        lock.lock();
        try {
            close(false);
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
        return "Log(" + topicPartition + ", dir=" + dir + ", start=" + logStartOffset() + ", end=" + logEndOffset()
                + ", hw=" + highWatermark() + ")";
    }
}
