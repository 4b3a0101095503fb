package io.samsa.core.log;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Every partition log of the broker, across the directories of {@code log.dirs}. At startup it
 * locks each directory, loads its logs (recovering them when the clean-shutdown marker is
 * missing) and removes the marker; while running it creates logs (in the directory holding the
 * fewest), deletes them (rename to {@code -delete}, remove later), runs retention, flushes
 * and checkpoint writes on the scheduler and compaction on the {@link LogCleaner}'s threads; at shutdown it flushes and closes every log, writes the
 * checkpoints and the clean-shutdown marker. Thread-safe.
 */
public final class LogManager {

    private static final Logger LOG = LoggerFactory.getLogger(LogManager.class);

    private final LogManagerConfig config;
    private final Function<String, LogConfig> topicConfigs;
    private final Time time;
    private final Scheduler scheduler;
    private final ConcurrentHashMap<TopicPartition, Log> logs = new ConcurrentHashMap<>();
    private final Object createLock = new Object();
    private final Object checkpointLock = new Object();
    private final List<FileChannel> lockChannels = new ArrayList<>();
    private final List<Scheduler.Task> tasks = new ArrayList<>();
    private final Map<File, Boolean> cleanAtStartup = new HashMap<>();
    private final LogCleaner cleaner;
    /** Log dirs that failed (an I/O error, a full disk): their logs are closed and nothing more touches them. */
    private final Set<File> offlineDirs = ConcurrentHashMap.newKeySet();
    private final List<Consumer<File>> offlineListeners = new CopyOnWriteArrayList<>();
    private volatile LogConfig defaultConfig;
    private volatile boolean shutDown;

    /**
     * @param defaultConfig the broker's defaults for topics without overrides
     * @param topicConfigs  the config of a topic's logs found on disk at startup (its overrides
     *                      over the defaults); may return null to use the defaults
     */
    public LogManager(LogManagerConfig config, LogConfig defaultConfig, Function<String, LogConfig> topicConfigs,
                      Time time, Scheduler scheduler) {
        this.config = config;
        this.defaultConfig = defaultConfig;
        this.topicConfigs = topicConfigs;
        this.time = time;
        this.scheduler = scheduler;
        CleanerConfig cleanerConfig = config.cleanerConfig();
        this.cleaner = cleanerConfig.enableCleaner()
                ? new LogCleaner(cleanerConfig, config.logDirs(), logs::values, time) : null;
    }

    /** Loads every log, schedules retention, flush and checkpoint tasks, and starts the log cleaner. */
    public void startup() throws IOException {
        loadLogs();
        if (cleaner != null) {
            cleaner.startup();
        }
        tasks.add(scheduler.schedule("kafka-log-retention", this::cleanupLogs, config.initialTaskDelayMs(),
                config.retentionCheckIntervalMs()));
        if (config.flushCheckIntervalMs() != Long.MAX_VALUE) {
            tasks.add(scheduler.schedule("kafka-log-flusher", this::flushDirtyLogs, config.initialTaskDelayMs(),
                    config.flushCheckIntervalMs()));
        }
        tasks.add(scheduler.schedule("kafka-recovery-point-checkpoint", this::checkpointRecoveryPointsQuietly,
                config.initialTaskDelayMs(), config.flushRecoveryPointCheckpointMs()));
        tasks.add(scheduler.schedule("kafka-log-start-offset-checkpoint", this::checkpointLogStartOffsetsQuietly,
                config.initialTaskDelayMs(), config.flushStartOffsetCheckpointMs()));
        tasks.add(scheduler.schedule("highwatermark-checkpoint", this::checkpointHighWatermarksQuietly,
                config.highWatermarkCheckpointMs(), config.highWatermarkCheckpointMs()));
    }

    private void loadLogs() throws IOException {
        IOException lastFailure = null;
        for (File dir : config.logDirs()) {
            try {
                loadLogDir(dir);
            } catch (IOException | StorageException e) {
                // One failing disk leaves the others serving; the broker stops only when all have failed.
                lastFailure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                offlineDirs.add(dir.getAbsoluteFile());
                LOG.error("Log directory {} failed to load and is offline: {}", dir, e.getMessage(), e);
            }
        }
        if (offlineDirs.size() == config.logDirs().size()) {
            throw new IOException("Every log directory failed to load; the last failure was: " + lastFailure.getMessage(), lastFailure);
        }
    }

    private void loadLogDir(File dir) throws IOException {
        {
            Files.createDirectories(dir.toPath());
            lockDir(dir);
            File marker = new File(dir, LogFileNames.CLEAN_SHUTDOWN_FILE);
            boolean clean = marker.exists();
            cleanAtStartup.put(dir.getAbsoluteFile(), clean);
            Map<TopicPartition, Log> loaded = loadLogsIn(dir, clean);
            if (!clean && !loaded.isEmpty()) {
                LOG.info("No clean shutdown marker in {}: its logs were recovered from their recovery points", dir);
            }
            for (Map.Entry<TopicPartition, Log> e : loaded.entrySet()) {
                Log previous = logs.putIfAbsent(e.getKey(), e.getValue());
                if (previous != null) {
                    throw new IllegalStateException("Duplicate log directories for " + e.getKey() + ": "
                            + previous.dir() + " and " + e.getValue().dir());
                }
            }
            // From here on a crash is unclean again.
            Files.deleteIfExists(marker.toPath());
            LOG.info("Loaded {} log(s) from {}", loaded.size(), dir);
        }
    }

    private Map<TopicPartition, Log> loadLogsIn(File dir, boolean clean) throws IOException {
        Map<TopicPartition, Long> recoveryPoints = readCheckpoint(dir, LogFileNames.RECOVERY_POINT_CHECKPOINT);
        Map<TopicPartition, Long> startOffsets = readCheckpoint(dir, LogFileNames.LOG_START_OFFSET_CHECKPOINT);
        Map<TopicPartition, Long> highWatermarks = readCheckpoint(dir, LogFileNames.REPLICATION_OFFSET_CHECKPOINT);
        File[] children = dir.listFiles(File::isDirectory);
        if (children == null) {
            throw new IOException("Cannot list log directory " + dir);
        }
        AtomicInteger threadId = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(config.recoveryThreadsPerDataDir(), r -> {
            Thread t = new Thread(r, "log-recovery-" + dir.getName() + "-" + threadId.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<TopicPartition, Future<Log>> pending = new HashMap<>();
            for (File child : children) {
                String name = child.getName();
                if (name.endsWith(LogFileNames.DELETE_DIR_SUFFIX)) {
                    LOG.info("Removing {}, a partition whose deletion was interrupted", child);
                    SegmentFiles.deleteRecursively(child.toPath());
                    continue;
                }
                if (name.endsWith(LogFileNames.FUTURE_DIR_SUFFIX) || name.endsWith(LogFileNames.STRAY_DIR_SUFFIX)) {
                    LOG.warn("Ignoring directory {}", child);
                    continue;
                }
                TopicPartition tp = LogFileNames.parseTopicPartition(name);
                if (tp == null) {
                    LOG.warn("Ignoring directory {}: not a <topic>-<partition> log", child);
                    continue;
                }
                LogConfig logConfig = configFor(tp.topic());
                pending.put(tp, pool.submit(() -> Log.open(child, logConfig, time, scheduler, clean,
                        startOffsets.getOrDefault(tp, 0L), recoveryPoints.getOrDefault(tp, 0L),
                        highWatermarks.getOrDefault(tp, 0L))));
            }
            Map<TopicPartition, Log> loaded = new HashMap<>();
            IOException failure = null;
            for (Map.Entry<TopicPartition, Future<Log>> e : pending.entrySet()) {
                try {
                    loaded.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    IOException io = ex.getCause() instanceof IOException c ? c
                            : new IOException("Error loading log " + e.getKey() + " in " + dir, ex.getCause());
                    if (failure == null) {
                        failure = io;
                    } else {
                        failure.addSuppressed(io);
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while loading logs in " + dir, ex);
                }
            }
            if (failure != null) {
                loaded.values().forEach(Log::close);
                throw failure;
            }
            return loaded;
        } finally {
            pool.shutdownNow();
        }
    }

    private LogConfig configFor(String topic) {
        LogConfig c = topicConfigs == null ? null : topicConfigs.apply(topic);
        return c == null ? defaultConfig : c;
    }

    private Map<TopicPartition, Long> readCheckpoint(File dir, String name) {
        OffsetCheckpointFile file = new OffsetCheckpointFile(new File(dir, name));
        try {
            return file.read();
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable checkpoint {}: {}", file.file(), e.getMessage());
            return new HashMap<>();
        }
    }

    private void lockDir(File dir) throws IOException {
        FileChannel channel = FileChannel.open(new File(dir, LogFileNames.LOCK_FILE).toPath(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("Log directory " + dir + " is in use by another process");
        }
        lockChannels.add(channel);
    }

    /** Whether the given log dir had the clean-shutdown marker when this manager started. */
    public boolean hadCleanShutdown(File logDir) {
        return cleanAtStartup.getOrDefault(logDir.getAbsoluteFile(), false);
    }

    public LogConfig defaultConfig() {
        return defaultConfig;
    }

    public void updateDefaultConfig(LogConfig newDefaults) {
        this.defaultConfig = newDefaults;
    }

    /** Applies a topic's new config to its existing logs. */
    public void updateTopicConfig(String topic, LogConfig topicConfig) {
        for (Log log : logs.values()) {
            if (log.topicPartition().topic().equals(topic)) {
                log.updateConfig(topicConfig);
            }
        }
        if (cleaner != null && topicConfig.compact()) {
            cleaner.wakeUpThreads();
        }
    }

    /** The log cleaner, or null when {@code log.cleaner.enable} is false. */
    public LogCleaner cleaner() {
        return cleaner;
    }

    /** The partition's log, or null. */
    public Log getLog(TopicPartition tp) {
        return logs.get(tp);
    }

    public Collection<Log> allLogs() {
        return logs.values();
    }

    public List<File> logDirs() {
        return config.logDirs();
    }

    /** The log dirs that have failed since startup (or failed to load). */
    public Set<File> offlineLogDirs() {
        return Set.copyOf(offlineDirs);
    }

    public boolean isOnline(File logDir) {
        return !offlineDirs.contains(logDir.getAbsoluteFile());
    }

    /** Told of each log dir that goes offline, once, on the thread that found the failure. */
    public void addOfflineListener(Consumer<File> listener) {
        offlineListeners.add(listener);
    }

    /**
     * Takes a log dir offline after an I/O error there (a failing or full disk): its logs are
     * closed and forgotten, no new log goes there, background tasks skip it, and listeners (the
     * replica manager) take its partitions offline. The broker keeps serving the other dirs; the
     * failed one is loaded again at the next start.
     */
    public void markOffline(File logDir, Throwable cause) {
        File dir = logDir.getAbsoluteFile();
        if (!offlineDirs.add(dir)) {
            return;
        }
        LOG.error("Log directory {} failed ({}): its partitions are offline on this broker until it restarts", dir,
                cause == null ? "unknown cause" : cause.toString());
        List<Log> lost = new ArrayList<>();
        synchronized (createLock) {
            logs.values().removeIf(l -> {
                if (l.parentDir().getAbsoluteFile().equals(dir)) {
                    lost.add(l);
                    return true;
                }
                return false;
            });
        }
        for (Log l : lost) {
            if (cleaner != null) {
                cleaner.abortAndPauseCleaning(l.topicPartition());
                cleaner.removeLog(l.topicPartition(), l.parentDir());
            }
            try {
                l.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing {} in failed dir {}: {}", l.topicPartition(), dir, e.toString());
            }
        }
        for (Consumer<File> listener : offlineListeners) {
            listener.accept(dir);
        }
    }

    /** The partition's log, created empty in the log dir holding the fewest partitions if absent. */
    public Log getOrCreateLog(TopicPartition tp, LogConfig logConfig) {
        Log existing = logs.get(tp);
        if (existing != null) {
            return existing;
        }
        synchronized (createLock) {
            existing = logs.get(tp);
            if (existing != null) {
                return existing;
            }
            if (shutDown) {
                throw new IllegalStateException("Log manager is shut down");
            }
            File parent = nextLogDir();
            if (parent == null) {
                throw new StorageException("Cannot create the log of " + tp, new IOException("no log directory is online"));
            }
            File dir = new File(parent, LogFileNames.logDirName(tp));
            try {
                Log log = Log.open(dir, logConfig, time, scheduler);
                logs.put(tp, log);
                LOG.info("Created log for {} in {}", tp, parent);
                return log;
            } catch (IOException e) {
                markOffline(parent, e);
                throw new StorageException("Error creating log for " + tp + " in " + parent, e);
            } catch (StorageException e) {
                markOffline(parent, e);
                throw e;
            }
        }
    }

    private File nextLogDir() {
        Map<File, Integer> counts = new HashMap<>();
        for (File d : config.logDirs()) {
            counts.put(d.getAbsoluteFile(), 0);
        }
        for (Log log : logs.values()) {
            counts.computeIfPresent(log.parentDir().getAbsoluteFile(), (d, n) -> n + 1);
        }
        File best = null;
        int bestCount = Integer.MAX_VALUE;
        for (File d : config.logDirs()) {
            if (!isOnline(d)) {
                continue;
            }
            int n = counts.get(d.getAbsoluteFile());
            if (n < bestCount) {
                best = d;
                bestCount = n;
            }
        }
        return best;
    }

    /**
     * Deletes a partition's log: its directory is renamed {@code <topic>-<partition>.<id>-delete}
     * now (so a restart finishes the job) and removed after {@code file.delete.delay.ms}, which
     * lets fetches in flight finish sending.
     *
     * @return false if there was no such log
     */
    public boolean deleteLog(TopicPartition tp) {
        Log log;
        synchronized (createLock) {
            log = logs.remove(tp);
        }
        if (log == null) {
            return false;
        }
        if (cleaner != null) {
            cleaner.abortAndPauseCleaning(tp);
        }
        try {
            log.renameDir(LogFileNames.logDeleteDirName(tp, UUID.randomUUID().toString().replace("-", "")));
        } catch (IOException e) {
            throw new StorageException("Error renaming " + log.dir() + " for deletion", e);
        } finally {
            if (cleaner != null) {
                cleaner.removeLog(tp, log.parentDir());
                cleaner.resumeCleaning(tp);
            }
        }
        writeCheckpoints(log.parentDir());
        scheduler.scheduleOnce("kafka-delete-logs", () -> {
            try {
                log.delete();
                LOG.info("Deleted log for {} in {}", tp, log.dir());
            } catch (RuntimeException e) {
                LOG.error("Could not delete {}", log.dir(), e);
            }
        }, log.config().fileDeleteDelayMs());
        return true;
    }

    /** One retention pass over every log. */
    public int cleanupLogs() {
        int deleted = 0;
        for (Log log : logs.values()) {
            try {
                deleted += log.deleteOldSegments();
            } catch (StorageException e) {
                markOffline(log.parentDir(), e);
            } catch (RuntimeException e) {
                LOG.error("Retention failed for {}", log.topicPartition(), e);
            }
        }
        return deleted;
    }

    /** Flushes the logs whose last flush is older than their {@code flush.ms}. */
    public void flushDirtyLogs() {
        long now = time.milliseconds();
        for (Log log : logs.values()) {
            try {
                if (now - log.lastFlushTime() >= log.config().flushMs()) {
                    log.flush();
                }
            } catch (StorageException e) {
                markOffline(log.parentDir(), e);
            } catch (RuntimeException e) {
                LOG.error("Flush failed for {}", log.topicPartition(), e);
            }
        }
    }

    public void checkpointRecoveryPoints() throws IOException {
        for (File dir : onlineDirs()) {
            writeCheckpoint(dir, LogFileNames.RECOVERY_POINT_CHECKPOINT, Log::recoveryPoint);
        }
    }

    public void checkpointLogStartOffsets() throws IOException {
        for (File dir : onlineDirs()) {
            writeCheckpoint(dir, LogFileNames.LOG_START_OFFSET_CHECKPOINT, Log::logStartOffset);
        }
    }

    /** Writes {@code replication-offset-checkpoint}: each partition's high watermark. */
    public void checkpointHighWatermarks() throws IOException {
        for (File dir : onlineDirs()) {
            writeCheckpoint(dir, LogFileNames.REPLICATION_OFFSET_CHECKPOINT, Log::highWatermark);
        }
    }

    private void writeCheckpoints(File dir) {
        try {
            writeCheckpoint(dir, LogFileNames.RECOVERY_POINT_CHECKPOINT, Log::recoveryPoint);
            writeCheckpoint(dir, LogFileNames.LOG_START_OFFSET_CHECKPOINT, Log::logStartOffset);
            writeCheckpoint(dir, LogFileNames.REPLICATION_OFFSET_CHECKPOINT, Log::highWatermark);
        } catch (IOException e) {
            throw new StorageException("Error writing checkpoints in " + dir, e);
        }
    }

    private List<File> onlineDirs() {
        List<File> online = new ArrayList<>();
        for (File d : config.logDirs()) {
            if (isOnline(d)) {
                online.add(d);
            }
        }
        return online;
    }

    private void writeCheckpoint(File dir, String name, ToLongFunction<Log> offset) throws IOException {
        File abs = dir.getAbsoluteFile();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Log log : logs.values()) {
            if (log.parentDir().getAbsoluteFile().equals(abs)) {
                offsets.put(log.topicPartition(), offset.applyAsLong(log));
            }
        }
        synchronized (checkpointLock) {
            try {
                new OffsetCheckpointFile(new File(dir, name)).write(offsets);
            } catch (IOException e) {
                markOffline(dir, e);
                throw e;
            }
        }
    }

    private void checkpointRecoveryPointsQuietly() {
        try {
            checkpointRecoveryPoints();
        } catch (IOException e) {
            LOG.error("Could not write recovery point checkpoints", e);
        }
    }

    private void checkpointLogStartOffsetsQuietly() {
        try {
            checkpointLogStartOffsets();
        } catch (IOException e) {
            LOG.error("Could not write log start offset checkpoints", e);
        }
    }

    private void checkpointHighWatermarksQuietly() {
        try {
            checkpointHighWatermarks();
        } catch (IOException e) {
            LOG.error("Could not write high watermark checkpoints", e);
        }
    }

    /**
     * Stops background tasks, flushes and closes every log, writes all checkpoints and then the
     * clean-shutdown marker of each log dir, and releases the directory locks. The scheduler
     * belongs to the caller and is not shut down.
     */
    public void shutdown() throws IOException {
        synchronized (createLock) {
            if (shutDown) {
                return;
            }
            shutDown = true;
        }
        if (cleaner != null) {
            cleaner.shutdown();
        }
        tasks.forEach(Scheduler.Task::cancel);
        tasks.clear();
        boolean allClosed = true;
        for (Log log : logs.values()) {
            try {
                log.flush();
            } catch (RuntimeException e) {
                allClosed = false;
                LOG.error("Could not flush {} at shutdown", log.topicPartition(), e);
                if (e instanceof StorageException) {
                    markOffline(log.parentDir(), e);
                }
            }
        }
        for (File dir : onlineDirs()) {
            try {
                writeCheckpoints(dir);
            } catch (StorageException e) {
                allClosed = false;
                LOG.error("Could not write the checkpoints of {} at shutdown", dir, e);
            }
        }
        for (Log log : logs.values()) {
            log.close();
        }
        if (allClosed) {
            // A dir that failed gets no clean-shutdown marker: its logs are recovered at the next start.
            for (File dir : onlineDirs()) {
                Files.write(new File(dir, LogFileNames.CLEAN_SHUTDOWN_FILE).toPath(), new byte[0]);
                CheckpointFile.fsyncDirectory(dir);
            }
        }
        for (FileChannel channel : lockChannels) {
            channel.close();
        }
        lockChannels.clear();
        LOG.info("Log manager shut down{}", allClosed ? " cleanly" : " with errors");
    }
}
