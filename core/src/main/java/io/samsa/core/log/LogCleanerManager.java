package io.samsa.core.log;

import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides which compacted log the cleaner works on next and remembers how far each is clean.
 * It keeps, per log dir, the {@code cleaner-offset-checkpoint} file (the offset each partition is
 * clean up to), the cleaning state of each partition (in progress, aborted, paused, uncleanable
 * after an error), and the next delete horizon at which a cleaned log holds tombstones to drop.
 * The filthiest eligible log (highest dirty ratio) goes first.
 *
 * <p>Thread-safe: all state is guarded by one lock; {@link #abortAndPauseCleaning} blocks until a
 * cleaning in progress has noticed the abort.
 */
final class LogCleanerManager {

    private static final Logger LOG = LoggerFactory.getLogger(LogCleanerManager.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition cleaningStopped = lock.newCondition();
    // Guarded by lock.
    private final Map<File, Map<TopicPartition, Long>> checkpoints = new HashMap<>();
    private final Set<TopicPartition> inProgress = new HashSet<>();
    private final Set<TopicPartition> aborted = new HashSet<>();
    private final Map<TopicPartition, Integer> paused = new HashMap<>();
    private final Set<TopicPartition> uncleanable = new HashSet<>();
    private final Map<TopicPartition, Long> nextDeleteHorizon = new HashMap<>();
    private volatile boolean abortAll;

    LogCleanerManager(List<File> logDirs) {
        for (File dir : logDirs) {
            File abs = dir.getAbsoluteFile();
            OffsetCheckpointFile file = checkpointFile(abs);
            Map<TopicPartition, Long> offsets;
            try {
                offsets = file.read();
            } catch (IOException e) {
                LOG.warn("Ignoring unreadable {}: every compacted log there is treated as dirty", file.file(), e);
                offsets = new HashMap<>();
            }
            checkpoints.put(abs, offsets);
        }
    }

    /**
     * Picks the compacted log most in need of cleaning and marks it in progress, or returns null
     * when none is eligible.
     */
    LogToClean grabFilthiestCompactedLog(Collection<Log> logs, long now) {
        lock.lock();
        try {
            LogToClean best = null;
            for (Log log : logs) {
                TopicPartition tp = log.topicPartition();
                if (!log.config().compact() || inProgress.contains(tp) || paused.containsKey(tp)
                        || uncleanable.contains(tp)) {
                    continue;
                }
                LogToClean candidate;
                try {
                    candidate = measureLocked(log, now);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not measure {} for cleaning", tp, e);
                    continue;
                }
                if (candidate.eligible() && (best == null || candidate.cleanableRatio() > best.cleanableRatio())) {
                    best = candidate;
                }
            }
            if (best != null) {
                inProgress.add(best.log().topicPartition());
            }
            return best;
        } finally {
            lock.unlock();
        }
    }

    /** Sizes up one compacted log. */
    LogToClean measure(Log log, long now) throws IOException {
        lock.lock();
        try {
            return measureLocked(log, now);
        } finally {
            lock.unlock();
        }
    }

    private LogToClean measureLocked(Log log, long now) throws IOException {
        LogSegments segments = log.segments();
        LogConfig config = log.config();
        long logStart = log.logStartOffset();
        Long checkpoint = checkpointOf(log);
        long firstDirty = checkpoint == null ? logStart : checkpoint;
        if (firstDirty < logStart) {
            firstDirty = logStart;
        } else if (firstDirty > log.logEndOffset()) {
            LOG.warn("The cleaner checkpoint {} of {} is past its log end offset {} (the log was truncated);"
                    + " cleaning it from its start", firstDirty, log.topicPartition(), log.logEndOffset());
            firstDirty = logStart;
        }
        LogSegment active = segments.active();
        long firstUncleanable = Math.min(active.baseOffset(), log.highWatermark());
        long minLagBound = now - config.minCompactionLagMs();
        long cleanableEnd = firstDirty;
        long cleanBytes = 0;
        long cleanableBytes = 0;
        LogSegment firstDirtySegment = null;
        for (LogSegment s : segments.all()) {
            LogSegment next = segments.higher(s.baseOffset());
            long end = next == null ? Long.MAX_VALUE : next.baseOffset();
            if (end <= firstDirty) {
                cleanBytes += s.size();
                continue;
            }
            if (next == null || end > firstUncleanable) {
                break;
            }
            if (config.minCompactionLagMs() > 0 && s.largestTimestamp() > minLagBound) {
                break;
            }
            if (firstDirtySegment == null) {
                firstDirtySegment = s;
            }
            cleanableBytes += s.size();
            cleanableEnd = end;
        }
        boolean needNow = false;
        if (firstDirtySegment != null && config.maxCompactionLagMs() < Long.MAX_VALUE) {
            long first = firstDirtySegment.firstBatchTimestamp();
            long age = first >= 0 ? first : firstDirtySegment.lastModified();
            needNow = age < now - config.maxCompactionLagMs();
        }
        return new LogToClean(log, firstDirty, cleanableEnd, cleanBytes, cleanableBytes, needNow,
                tombstonesDue(log, firstDirty, now));
    }

    /**
     * Whether a delete horizon has passed. Known from the last cleaning of the log; for a log not
     * cleaned since startup, guessed once from the batch headers of its clean part (a batch
     * carrying a passed horizon may still hold tombstones).
     */
    private boolean tombstonesDue(Log log, long firstDirty, long now) throws IOException {
        TopicPartition tp = log.topicPartition();
        Long horizon = nextDeleteHorizon.get(tp);
        if (horizon == null) {
            horizon = Long.MAX_VALUE;
            for (LogSegment s : log.segments().overlapping(0, firstDirty)) {
                FileBatchCursor cursor = s.log().batchesFrom(0);
                while (cursor.next()) {
                    if (BatchHeaders.hasDeleteHorizon(cursor.attributes())) {
                        horizon = Math.min(horizon, cursor.baseTimestamp());
                    }
                }
            }
            nextDeleteHorizon.put(tp, horizon);
        }
        return horizon <= now;
    }

    /** Throws {@link LogCleaningAbortedException} if the cleaning of {@code tp} has been aborted. */
    void checkCleaningAborted(TopicPartition tp) {
        if (abortAll) {
            throw new LogCleaningAbortedException("The log cleaner is shutting down");
        }
        lock.lock();
        try {
            if (aborted.contains(tp)) {
                throw new LogCleaningAbortedException("Cleaning of " + tp + " was aborted");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a finished cleaning: the log is clean up to {@code endOffset}, and its earliest
     * retained tombstone may go at {@code deleteHorizon} (Long.MAX_VALUE if it has none).
     */
    void doneCleaning(Log log, long endOffset, long deleteHorizon) {
        TopicPartition tp = log.topicPartition();
        lock.lock();
        try {
            nextDeleteHorizon.put(tp, deleteHorizon);
            if (!aborted.contains(tp)) {
                updateCheckpoint(log.parentDir(), tp, endOffset);
            }
            stopped(tp);
        } finally {
            lock.unlock();
        }
    }

    /** A cleaning ended without result; {@code error} marks the log uncleanable until restart. */
    void cleaningFailed(TopicPartition tp, boolean error) {
        lock.lock();
        try {
            if (error && !aborted.contains(tp)) {
                uncleanable.add(tp);
            }
            stopped(tp);
        } finally {
            lock.unlock();
        }
    }

    private void stopped(TopicPartition tp) {
        inProgress.remove(tp);
        aborted.remove(tp);
        cleaningStopped.signalAll();
    }

    /**
     * Stops any cleaning of the partition and keeps the cleaner away from it until
     * {@link #resumeCleaning}; waits for a cleaning in progress to stop. Pauses nest.
     */
    void abortAndPauseCleaning(TopicPartition tp) {
        lock.lock();
        try {
            paused.merge(tp, 1, Integer::sum);
            if (inProgress.contains(tp)) {
                aborted.add(tp);
                while (inProgress.contains(tp)) {
                    cleaningStopped.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes every cleaning stop at its next check, for shutdown. */
    void abortAll() {
        abortAll = true;
    }

    void resumeCleaning(TopicPartition tp) {
        lock.lock();
        try {
            paused.computeIfPresent(tp, (k, n) -> n > 1 ? n - 1 : null);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets a deleted partition: its checkpoint entry, state and horizon. */
    void removeLog(TopicPartition tp, File parentDir) {
        lock.lock();
        try {
            uncleanable.remove(tp);
            nextDeleteHorizon.remove(tp);
            Map<TopicPartition, Long> offsets = checkpoints.get(parentDir.getAbsoluteFile());
            if (offsets != null && offsets.remove(tp) != null) {
                writeCheckpoint(parentDir.getAbsoluteFile(), offsets);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Where the partition's log is clean up to, or null if it has never been cleaned. */
    Long checkpointOf(Log log) {
        lock.lock();
        try {
            Map<TopicPartition, Long> offsets = checkpoints.get(log.parentDir().getAbsoluteFile());
            return offsets == null ? null : offsets.get(log.topicPartition());
        } finally {
            lock.unlock();
        }
    }

    boolean isUncleanable(TopicPartition tp) {
        lock.lock();
        try {
            return uncleanable.contains(tp);
        } finally {
            lock.unlock();
        }
    }

    private void updateCheckpoint(File parentDir, TopicPartition tp, long offset) {
        File abs = parentDir.getAbsoluteFile();
        Map<TopicPartition, Long> offsets = checkpoints.computeIfAbsent(abs, d -> new HashMap<>());
        offsets.put(tp, offset);
        writeCheckpoint(abs, offsets);
    }

    private void writeCheckpoint(File dir, Map<TopicPartition, Long> offsets) {
        try {
            checkpointFile(dir).write(offsets);
        } catch (IOException e) {
            // The in-memory offsets stay right; a restart before the next write only re-cleans.
            LOG.error("Could not write the cleaner checkpoint of {}", dir, e);
        }
    }

    private static OffsetCheckpointFile checkpointFile(File dir) {
        return new OffsetCheckpointFile(new File(dir, LogFileNames.CLEANER_OFFSET_CHECKPOINT));
    }
}
