package io.samsa.core.log;

import io.samsa.common.config.ConfigException;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The broker-wide settings of the {@link LogManager}, under Kafka's broker key names: where logs
 * live and how often background work runs. Immutable.
 *
 * @param logDirs                            {@code log.dirs} (or {@code log.dir})
 * @param recoveryThreadsPerDataDir          {@code num.recovery.threads.per.data.dir}
 * @param retentionCheckIntervalMs           {@code log.retention.check.interval.ms}
 * @param flushCheckIntervalMs               {@code log.flush.scheduler.interval.ms} (Long.MAX_VALUE: never)
 * @param flushRecoveryPointCheckpointMs     {@code log.flush.offset.checkpoint.interval.ms}
 * @param flushStartOffsetCheckpointMs       {@code log.flush.start.offset.checkpoint.interval.ms}
 * @param highWatermarkCheckpointMs          {@code replica.high.watermark.checkpoint.interval.ms}
 * @param initialTaskDelayMs                 {@code log.initial.task.delay.ms}
 * @param cleanerConfig                      the {@code log.cleaner.*} settings
 */
public record LogManagerConfig(List<File> logDirs, int recoveryThreadsPerDataDir, long retentionCheckIntervalMs,
                               long flushCheckIntervalMs, long flushRecoveryPointCheckpointMs,
                               long flushStartOffsetCheckpointMs, long highWatermarkCheckpointMs,
                               long initialTaskDelayMs, CleanerConfig cleanerConfig) {

    public LogManagerConfig {
        if (logDirs.isEmpty()) {
            throw new ConfigException("log.dirs must name at least one directory");
        }
        logDirs = List.copyOf(logDirs);
        if (cleanerConfig == null) {
            cleanerConfig = CleanerConfig.defaults();
        }
    }

    /** As the canonical constructor, with the cleaner's defaults. */
    public LogManagerConfig(List<File> logDirs, int recoveryThreadsPerDataDir, long retentionCheckIntervalMs,
                            long flushCheckIntervalMs, long flushRecoveryPointCheckpointMs,
                            long flushStartOffsetCheckpointMs, long highWatermarkCheckpointMs, long initialTaskDelayMs) {
        this(logDirs, recoveryThreadsPerDataDir, retentionCheckIntervalMs, flushCheckIntervalMs,
                flushRecoveryPointCheckpointMs, flushStartOffsetCheckpointMs, highWatermarkCheckpointMs,
                initialTaskDelayMs, CleanerConfig.defaults());
    }

    /** Kafka's defaults for everything but the directories. */
    public static LogManagerConfig defaults(List<File> logDirs) {
        return new LogManagerConfig(logDirs, 1, 300_000L, Long.MAX_VALUE, 60_000L, 60_000L, 5_000L, 30_000L,
                CleanerConfig.defaults());
    }

    /** This config with other log directories. */
    public LogManagerConfig withLogDirs(List<File> dirs) {
        return new LogManagerConfig(dirs, recoveryThreadsPerDataDir, retentionCheckIntervalMs, flushCheckIntervalMs,
                flushRecoveryPointCheckpointMs, flushStartOffsetCheckpointMs, highWatermarkCheckpointMs,
                initialTaskDelayMs, cleanerConfig);
    }

    /** This config with other cleaner settings. */
    public LogManagerConfig withCleanerConfig(CleanerConfig cleaner) {
        return new LogManagerConfig(logDirs, recoveryThreadsPerDataDir, retentionCheckIntervalMs, flushCheckIntervalMs,
                flushRecoveryPointCheckpointMs, flushStartOffsetCheckpointMs, highWatermarkCheckpointMs,
                initialTaskDelayMs, cleaner);
    }

    /** From broker properties; invalid values throw naming the key. */
    public static LogManagerConfig fromBrokerProperties(Map<String, ?> props) {
        Object dirsValue = props.get("log.dirs");
        if (dirsValue == null) {
            dirsValue = props.get("log.dir");
        }
        String dirs = dirsValue == null ? "/tmp/kafka-logs" : dirsValue.toString();
        List<File> logDirs = new ArrayList<>();
        for (String d : dirs.split(",")) {
            if (!d.isBlank()) {
                logDirs.add(new File(d.trim()));
            }
        }
        return new LogManagerConfig(logDirs,
                (int) positive(props, "num.recovery.threads.per.data.dir", 1),
                positive(props, "log.retention.check.interval.ms", 300_000L),
                positive(props, "log.flush.scheduler.interval.ms", Long.MAX_VALUE),
                positive(props, "log.flush.offset.checkpoint.interval.ms", 60_000L),
                positive(props, "log.flush.start.offset.checkpoint.interval.ms", 60_000L),
                positive(props, "replica.high.watermark.checkpoint.interval.ms", 5_000L),
                nonNegative(props, "log.initial.task.delay.ms", 30_000L),
                CleanerConfig.fromBrokerProperties(props));
    }

    private static long positive(Map<String, ?> props, String key, long def) {
        long v = number(props, key, def);
        if (v <= 0) {
            throw new ConfigException(key, v, "must be positive");
        }
        return v;
    }

    private static long nonNegative(Map<String, ?> props, String key, long def) {
        long v = number(props, key, def);
        if (v < 0) {
            throw new ConfigException(key, v, "must not be negative");
        }
        return v;
    }

    private static long number(Map<String, ?> props, String key, long def) {
        Object v = props.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "expected a number");
        }
    }
}
