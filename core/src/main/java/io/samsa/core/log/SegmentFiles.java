package io.samsa.core.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * File-level housekeeping of segments and partition directories: deferred deletion of removed
 * segments, clearing stale files in the way of a new segment, and recursive directory removal.
 * Stateless; thread-safe.
 */
final class SegmentFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentFiles.class);

    private SegmentFiles() {
    }

    /**
     * Renames the segments' files {@code .deleted} now and removes them after {@code delayMs}:
     * a fetch that already holds a slice of one keeps a working channel until then, and a restart
     * in between removes the renamed files.
     */
    static void deleteLater(List<LogSegment> removed, Scheduler scheduler, long delayMs) throws IOException {
        if (removed.isEmpty()) {
            return;
        }
        for (LogSegment s : removed) {
            s.changeFileSuffixes("", LogFileNames.DELETED_SUFFIX);
        }
        List<LogSegment> toDelete = List.copyOf(removed);
        scheduler.scheduleOnce("delete-file", () -> {
            for (LogSegment s : toDelete) {
                try {
                    s.deleteIfExists();
                } catch (IOException e) {
                    LOG.error("Could not delete segment files {}", s, e);
                }
            }
        }, delayMs);
    }

    /** Removes files left at {@code baseOffset}'s names (an earlier, abandoned segment) before one is created. */
    static void removeStale(File dir, long baseOffset) throws IOException {
        for (File f : List.of(LogFileNames.logFile(dir, baseOffset), LogFileNames.offsetIndexFile(dir, baseOffset),
                LogFileNames.timeIndexFile(dir, baseOffset))) {
            Files.deleteIfExists(f.toPath());
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
