package io.samsa.core.log;

import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogManagerTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final List<LogManager> managers = new ArrayList<>();
    private final LogConfig config = LogConfig.of(Map.of(LogConfig.SEGMENT_BYTES, "1000",
            LogConfig.FILE_DELETE_DELAY_MS, "500"));

    @AfterEach
    void shutdownAll() throws IOException {
        for (LogManager m : managers) {
            m.shutdown();
        }
    }

    private List<File> dirs(int n) {
        List<File> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dirs.add(new File(tmp.toFile(), "data" + i));
        }
        return dirs;
    }

    private LogManager start(List<File> dirs) throws IOException {
        LogManager m = new LogManager(LogManagerConfig.defaults(dirs), config, topic -> null, time, scheduler);
        m.startup();
        managers.add(m);
        return m;
    }

    private static void fill(Log log, int batches) {
        for (int i = 0; i < batches; i++) {
            assertTrue(log.append(TestBatches.batch(2, 100, 1_700_000_000_000L), 0).succeeded());
        }
    }

    @Test
    void newLogsGoToTheDirectoryWithFewestPartitions() throws IOException {
        List<File> dirs = dirs(2);
        LogManager m = start(dirs);
        Log a = m.getOrCreateLog(new TopicPartition("t", 0), config);
        Log b = m.getOrCreateLog(new TopicPartition("t", 1), config);
        Log c = m.getOrCreateLog(new TopicPartition("t", 2), config);
        assertSame(a, m.getOrCreateLog(new TopicPartition("t", 0), config));
        assertNotEquals(a.parentDir(), b.parentDir());
        assertEquals(new File(dirs.get(0), "t-0"), a.dir());
        assertEquals(new File(dirs.get(0), "t-2"), c.dir());
        assertTrue(new File(dirs.get(1), "t-1").isDirectory());
        assertSame(b, m.getLog(new TopicPartition("t", 1)));
        assertNull(m.getLog(new TopicPartition("t", 9)));
    }

    @Test
    void cleanShutdownWritesMarkerAndCheckpointsAndRestartSkipsRecovery() throws IOException {
        List<File> dirs = dirs(1);
        LogManager m = start(dirs);
        TopicPartition tp = new TopicPartition("my-topic", 3);
        Log log = m.getOrCreateLog(tp, config);
        fill(log, 10);
        log.updateHighWatermark(15);
        m.shutdown();
        File dir = dirs.get(0);
        assertTrue(new File(dir, LogFileNames.CLEAN_SHUTDOWN_FILE).exists());
        assertEquals(Map.of(tp, 20L), new OffsetCheckpointFile(new File(dir, LogFileNames.RECOVERY_POINT_CHECKPOINT)).read());
        assertEquals(Map.of(tp, 0L), new OffsetCheckpointFile(new File(dir, LogFileNames.LOG_START_OFFSET_CHECKPOINT)).read());
        assertEquals(Map.of(tp, 15L), new OffsetCheckpointFile(new File(dir, LogFileNames.REPLICATION_OFFSET_CHECKPOINT)).read());

        // Bytes after the last batch that a clean shutdown would never leave: a clean start does not look.
        File active = new File(log.dir(), LogFileNames.filenamePrefixFromOffset(log.segments().active().baseOffset())
                + LogFileNames.LOG_SUFFIX);
        long size = active.length();
        Files.write(active.toPath(), new byte[]{0, 0, 0}, StandardOpenOption.APPEND);

        LogManager restarted = start(dirs);
        assertTrue(restarted.hadCleanShutdown(dir));
        assertFalse(new File(dir, LogFileNames.CLEAN_SHUTDOWN_FILE).exists(), "marker is removed at startup");
        Log reloaded = restarted.getLog(tp);
        assertEquals(20, reloaded.logEndOffset());
        assertEquals(15, reloaded.highWatermark());
        assertEquals(20, reloaded.recoveryPoint());
        assertEquals(size + 3, active.length());
    }

    @Test
    void missingMarkerTriggersRecoveryFromTheRecoveryPoint() throws IOException {
        List<File> dirs = dirs(1);
        LogManager m = start(dirs);
        TopicPartition tp = new TopicPartition("t", 0);
        Log log = m.getOrCreateLog(tp, config);
        fill(log, 10);
        m.shutdown();
        File dir = dirs.get(0);
        Files.delete(new File(dir, LogFileNames.CLEAN_SHUTDOWN_FILE).toPath());
        File active = new File(log.dir(), LogFileNames.filenamePrefixFromOffset(log.segments().active().baseOffset())
                + LogFileNames.LOG_SUFFIX);
        long size = active.length();
        Files.write(active.toPath(), new byte[]{0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 99, 1}, StandardOpenOption.APPEND);

        LogManager restarted = start(dirs);
        assertFalse(restarted.hadCleanShutdown(dir));
        Log reloaded = restarted.getLog(tp);
        assertEquals(size, active.length(), "the torn tail is cut off");
        assertEquals(20, reloaded.logEndOffset());
        assertEquals(20, reloaded.append(TestBatches.batch(1, 10, time.milliseconds()), 0).firstOffset());
    }

    @Test
    void deleteLogRenamesThenRemovesTheDirectory() throws IOException {
        List<File> dirs = dirs(1);
        LogManager m = start(dirs);
        TopicPartition tp = new TopicPartition("doomed", 0);
        Log log = m.getOrCreateLog(tp, config);
        fill(log, 3);
        File original = log.dir();
        assertTrue(m.deleteLog(tp));
        assertFalse(original.exists());
        assertNull(m.getLog(tp));
        File renamed = log.dir();
        assertTrue(renamed.getName().startsWith("doomed-0."), renamed.getName());
        assertTrue(renamed.getName().endsWith(LogFileNames.DELETE_DIR_SUFFIX));
        assertTrue(renamed.isDirectory());
        assertTrue(new OffsetCheckpointFile(new File(dirs.get(0), LogFileNames.RECOVERY_POINT_CHECKPOINT)).read().isEmpty());
        time.advance(500);
        scheduler.tick();
        assertFalse(renamed.exists());
        assertFalse(m.deleteLog(tp));
    }

    @Test
    void startupRemovesLeftoversOfInterruptedWork() throws IOException {
        List<File> dirs = dirs(1);
        File dir = dirs.get(0);
        LogManager m = start(dirs);
        Log log = m.getOrCreateLog(new TopicPartition("t", 0), config);
        fill(log, 2);
        m.shutdown();
        File halfDeleted = new File(dir, "gone-0.0123456789abcdef0123456789abcdef-delete");
        assertTrue(halfDeleted.mkdirs());
        Files.write(new File(halfDeleted, "00000000000000000000.log").toPath(), new byte[10]);
        // A .log.swap is a committed cleaning and gets completed (LogCleanerTest); a lone index swap is debris.
        File swap = new File(log.dir(), "00000000000000000100.index.swap");
        File cleaned = new File(log.dir(), "00000000000000000100.log.cleaned");
        File deleted = new File(log.dir(), "00000000000000000100.log.deleted");
        File orphanIndex = new File(log.dir(), "00000000000000000200.index");
        for (File f : List.of(swap, cleaned, deleted, orphanIndex)) {
            Files.write(f.toPath(), new byte[8]);
        }

        LogManager restarted = start(dirs);
        assertFalse(halfDeleted.exists());
        for (File f : List.of(swap, cleaned, deleted, orphanIndex)) {
            assertFalse(f.exists(), f.getName());
        }
        assertEquals(4, restarted.getLog(new TopicPartition("t", 0)).logEndOffset());
        assertEquals(1, restarted.allLogs().size());
    }

    @Test
    void retentionRunsOnTheScheduler() throws IOException {
        LogConfig shortRetention = LogConfig.of(Map.of(LogConfig.SEGMENT_BYTES, "300", LogConfig.RETENTION_MS, "1000"));
        LogManager m = start(dirs(1));
        Log log = m.getOrCreateLog(new TopicPartition("t", 0), shortRetention);
        for (int i = 0; i < 5; i++) {
            assertTrue(log.append(TestBatches.batch(1, 150, time.milliseconds()), 0).succeeded());
        }
        log.updateHighWatermark(log.logEndOffset());
        assertEquals(5, log.numberOfSegments());
        time.advance(LogManagerConfig.defaults(dirs(1)).initialTaskDelayMs());
        scheduler.tick();
        assertEquals(5, log.logStartOffset());
        assertEquals(1, log.numberOfSegments());
    }

    @Test
    void aLockedDirectoryCannotBeUsedTwice() throws IOException {
        List<File> dirs = dirs(1);
        start(dirs);
        LogManager second = new LogManager(LogManagerConfig.defaults(dirs), config, t -> null, time, scheduler);
        IOException e = assertThrows(IOException.class, second::startup);
        assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
}
