package io.samsa.core.log;

import io.samsa.common.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a partition directory at startup: removes leftovers of interrupted work ({@code .tmp},
 * {@code .deleted} and {@code .cleaned} files, indexes without a segment), completes the swap of
 * a cleaned segment that had reached {@code .swap} (the log cleaner's commit point), opens
 * every segment, rebuilds indexes that are missing or malformed, and after an unclean shutdown
 * re-validates the segments from the recovery point on, cutting the log at the first invalid
 * batch and dropping the segments after it. Used once per log, by the loading thread only.
 */
final class LogLoader {

    private static final Logger LOG = LoggerFactory.getLogger(LogLoader.class);

    /** What loading found: the segments and the offsets the log resumes from. */
    record LoadedLog(LogSegments segments, long logStartOffset, long recoveryPoint, LogOffsetMetadata nextOffset) {
    }

    private final File dir;
    private final LogConfig config;
    private final Time time;
    private final boolean hadCleanShutdown;
    private final long logStartOffsetCheckpoint;
    private final long recoveryPointCheckpoint;
    private final LeaderEpochFileCache epochCache;

    LogLoader(File dir, LogConfig config, Time time, boolean hadCleanShutdown, long logStartOffsetCheckpoint,
              long recoveryPointCheckpoint, LeaderEpochFileCache epochCache) {
        this.dir = dir;
        this.config = config;
        this.time = time;
        this.hadCleanShutdown = hadCleanShutdown;
        this.logStartOffsetCheckpoint = logStartOffsetCheckpoint;
        this.recoveryPointCheckpoint = recoveryPointCheckpoint;
        this.epochCache = epochCache;
    }

    /** Segments found with missing or implausible indexes after an unclean shutdown. */
    private final java.util.TreeSet<Long> needsRecovery = new java.util.TreeSet<>();

    LoadedLog load() throws IOException {
        List<File> swapLogs = removeLeftovers();
        for (File swap : swapLogs) {
            completeSwap(swap);
        }
        LogSegments segments = new LogSegments();
        try {
            openSegments(segments);
            if (!hadCleanShutdown) {
                recoverUnflushed(segments);
            }
            if (segments.isEmpty()) {
                segments.add(LogSegment.open(dir, logStartOffsetCheckpoint, config, time));
            }
            LogSegment active = segments.active();
            long nextOffset = active.readNextOffset();
            long logStartOffset = Math.max(logStartOffsetCheckpoint, segments.first().baseOffset());
            if (logStartOffset > nextOffset) {
                // Everything on disk is below the start offset the log had reached: start over there.
                LOG.warn("Log {} ends at {} below its log start offset {}; removing its segments", dir, nextOffset,
                        logStartOffset);
                for (LogSegment s : new ArrayList<>(segments.all())) {
                    s.deleteIfExists();
                }
                segments.clear();
                segments.add(LogSegment.open(dir, logStartOffset, config, time));
                active = segments.active();
                nextOffset = logStartOffset;
                epochCache.clear();
            }
            active.resizeIndexes(config.segmentIndexBytes());
            epochCache.truncateFromEnd(nextOffset);
            epochCache.truncateFromStart(logStartOffset);
            long recoveryPoint = hadCleanShutdown ? nextOffset : Math.min(recoveryPointCheckpoint, nextOffset);
            return new LoadedLog(segments, logStartOffset, recoveryPoint,
                    new LogOffsetMetadata(nextOffset, active.baseOffset(), active.size()));
        } catch (IOException | RuntimeException e) {
            for (LogSegment s : segments.all()) {
                try {
                    s.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * Deletes the files of interrupted work and returns the {@code .log.swap} files to complete.
     * A swap's index files are deleted too: the completed segment gets fresh indexes.
     */
    private List<File> removeLeftovers() throws IOException {
        File[] files = dir.listFiles();
        if (files == null) {
            throw new IOException("Cannot list log directory " + dir);
        }
        List<File> swapLogs = new ArrayList<>();
        for (File f : files) {
            String name = f.getName();
            if (!f.isFile()) {
                continue;
            }
            if (name.endsWith(LogFileNames.LOG_SUFFIX + LogFileNames.SWAP_SUFFIX)) {
                swapLogs.add(f);
            } else if (name.endsWith(LogFileNames.TMP_SUFFIX) || name.endsWith(LogFileNames.DELETED_SUFFIX)
                    || name.endsWith(LogFileNames.CLEANED_SUFFIX) || name.endsWith(LogFileNames.SWAP_SUFFIX)) {
                LOG.info("Removing leftover file {}", f);
                Files.deleteIfExists(f.toPath());
            } else if (isIndexFile(name) && !logFileFor(f).exists()) {
                LOG.info("Removing index {} whose segment file is gone", f);
                Files.deleteIfExists(f.toPath());
            }
        }
        swapLogs.sort(java.util.Comparator.comparing(File::getName));
        return swapLogs;
    }

    /**
     * Finishes what a crash interrupted after a cleaned segment became {@code .swap}: the
     * segments its offsets came from ({@code [base, next offset)}; the one at its own base offset
     * at least) are deleted and the swap file takes the live name. Its indexes are rebuilt when
     * the segment is opened.
     */
    private void completeSwap(File swapLog) throws IOException {
        String name = swapLog.getName();
        long base = LogFileNames.offsetFromFileName(name);
        long next = base;
        try (FileRecords records = FileRecords.open(swapLog)) {
            FileBatchCursor cursor = records.batchesFrom(0);
            while (cursor.next()) {
                next = cursor.lastOffset() + 1;
            }
        }
        long end = Math.max(next, base + 1);
        File[] logs = dir.listFiles((d, n) -> n.endsWith(LogFileNames.LOG_SUFFIX));
        if (logs == null) {
            throw new IOException("Cannot list log directory " + dir);
        }
        for (File logFile : logs) {
            long segmentBase;
            try {
                segmentBase = LogFileNames.offsetFromFileName(logFile.getName());
            } catch (NumberFormatException e) {
                continue;
            }
            if (segmentBase >= base && segmentBase < end) {
                LOG.info("Deleting segment {} of {}: a cleaned segment replaces it", segmentBase, dir);
                SegmentFiles.removeStale(dir, segmentBase);
            }
        }
        SegmentFiles.removeStale(dir, base);
        Files.move(swapLog.toPath(), LogFileNames.logFile(dir, base).toPath(), StandardCopyOption.ATOMIC_MOVE);
        CheckpointFile.fsyncDirectory(dir);
        LOG.info("Completed the swap of cleaned segment {} of {}", base, dir);
    }

    private void openSegments(LogSegments segments) throws IOException {
        File[] files = dir.listFiles((d, name) -> name.endsWith(LogFileNames.LOG_SUFFIX));
        if (files == null) {
            throw new IOException("Cannot list log directory " + dir);
        }
        for (File logFile : files) {
            long baseOffset;
            try {
                baseOffset = LogFileNames.offsetFromFileName(logFile.getName());
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring file {}: its name is not a segment base offset", logFile);
                continue;
            }
            boolean indexesPresent = LogFileNames.offsetIndexFile(dir, baseOffset).exists()
                    && LogFileNames.timeIndexFile(dir, baseOffset).exists();
            LogSegment segment = LogSegment.open(dir, baseOffset, config, time);
            String problem = null;
            if (!indexesPresent) {
                problem = "its indexes are missing";
            } else {
                try {
                    segment.sanityCheck();
                } catch (CorruptIndexException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                if (hadCleanShutdown) {
                    LOG.warn("Rebuilding the indexes of segment {} of {}: {}", baseOffset, dir, problem);
                    int truncated = recover(segment);
                    if (truncated > 0) {
                        LOG.warn("Found invalid bytes at the end of segment {} of {}; truncated {} bytes", baseOffset, dir, truncated);
                    }
                } else {
                    // After a crash an unflushed segment's preallocated index looks corrupt; recovery
                    // below re-validates it (and everything after it) once.
                    needsRecovery.add(baseOffset);
                }
            }
            segments.add(segment);
        }
    }

    /** Re-validates every segment that may hold data written after the last flush. */
    private void recoverUnflushed(LogSegments segments) throws IOException {
        Long from = null;
        LogSegment floor = segments.floor(recoveryPointCheckpoint);
        if (floor != null) {
            from = floor.baseOffset();
        } else if (!segments.isEmpty()) {
            from = segments.first().baseOffset();
        }
        if (!needsRecovery.isEmpty()) {
            from = from == null ? needsRecovery.first() : Math.min(from, needsRecovery.first());
        }
        if (from == null) {
            return;
        }
        List<LogSegment> unflushed = segments.from(from);
        for (int i = 0; i < unflushed.size(); i++) {
            LogSegment segment = unflushed.get(i);
            LOG.info("Recovering unflushed segment {} of {}", segment.baseOffset(), dir);
            int truncated = recover(segment);
            if (truncated > 0) {
                LOG.warn("Found invalid bytes at the end of segment {} of {}; truncated {} bytes and dropping {} later"
                        + " segments", segment.baseOffset(), dir, truncated, unflushed.size() - i - 1);
                for (LogSegment later : unflushed.subList(i + 1, unflushed.size())) {
                    segments.remove(later.baseOffset());
                    later.deleteIfExists();
                }
                return;
            }
        }
    }

    private int recover(LogSegment segment) throws IOException {
        return segment.recover(epochCache);
    }

    private static boolean isIndexFile(String name) {
        return name.endsWith(LogFileNames.INDEX_SUFFIX) || name.endsWith(LogFileNames.TIME_INDEX_SUFFIX)
                || name.endsWith(LogFileNames.TXN_INDEX_SUFFIX);
    }

    private File logFileFor(File indexFile) {
        String name = indexFile.getName();
        return new File(dir, name.substring(0, name.indexOf('.')) + LogFileNames.LOG_SUFFIX);
    }
}
