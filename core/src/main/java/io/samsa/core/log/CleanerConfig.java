package io.samsa.core.log;

import io.samsa.common.config.ConfigException;

import java.util.Map;

/**
 * The broker-wide settings of the log cleaner, under Kafka's {@code log.cleaner.*} key names and
 * defaults. The per-topic knobs ({@code min.cleanable.dirty.ratio}, {@code delete.retention.ms},
 * ...) live in {@link LogConfig}. Immutable.
 *
 * @param enableCleaner       {@code log.cleaner.enable}
 * @param numThreads          {@code log.cleaner.threads}
 * @param dedupeBufferSize    {@code log.cleaner.dedupe.buffer.size}: the key maps' memory, shared by the threads
 * @param dedupeLoadFactor    {@code log.cleaner.io.buffer.load.factor}: how full a key map may get
 * @param ioBufferSize        {@code log.cleaner.io.buffer.size}: read and write buffers of each thread
 * @param maxIoBytesPerSecond {@code log.cleaner.io.max.bytes.per.second} (accepted; cleaning is not throttled)
 * @param backoffMs           {@code log.cleaner.backoff.ms}: sleep when no log needs cleaning
 */
public record CleanerConfig(boolean enableCleaner, int numThreads, long dedupeBufferSize, double dedupeLoadFactor,
                            int ioBufferSize, double maxIoBytesPerSecond, long backoffMs) {

    public static final String ENABLE = "log.cleaner.enable";
    public static final String THREADS = "log.cleaner.threads";
    public static final String DEDUPE_BUFFER_SIZE = "log.cleaner.dedupe.buffer.size";
    public static final String IO_BUFFER_LOAD_FACTOR = "log.cleaner.io.buffer.load.factor";
    public static final String IO_BUFFER_SIZE = "log.cleaner.io.buffer.size";
    public static final String IO_MAX_BYTES_PER_SECOND = "log.cleaner.io.max.bytes.per.second";
    public static final String BACKOFF_MS = "log.cleaner.backoff.ms";

    public CleanerConfig {
        if (numThreads < 1) {
            throw new ConfigException(THREADS, numThreads, "must be at least 1");
        }
        if (dedupeBufferSize / numThreads < 1024 * 1024) {
            // Kafka's own floor: a thread with less cannot map even a modest segment's keys.
            throw new ConfigException(DEDUPE_BUFFER_SIZE, dedupeBufferSize,
                    "must leave each of the " + numThreads + " cleaner threads at least 1 MiB");
        }
        if (dedupeLoadFactor <= 0 || dedupeLoadFactor >= 1) {
            throw new ConfigException(IO_BUFFER_LOAD_FACTOR, dedupeLoadFactor, "must be between 0 and 1, exclusive");
        }
        if (ioBufferSize < 1024) {
            throw new ConfigException(IO_BUFFER_SIZE, ioBufferSize, "must be at least 1024");
        }
        if (backoffMs < 0) {
            throw new ConfigException(BACKOFF_MS, backoffMs, "must not be negative");
        }
    }

    /** Kafka's defaults. */
    public static CleanerConfig defaults() {
        return new CleanerConfig(true, 1, 128L * 1024 * 1024, 0.9, 512 * 1024, Double.MAX_VALUE, 15_000L);
    }

    /** The memory each thread's key map may take. */
    public long dedupeBufferPerThread() {
        return dedupeBufferSize / numThreads;
    }

    /** From broker properties; invalid values throw naming the key. */
    public static CleanerConfig fromBrokerProperties(Map<String, ?> props) {
        CleanerConfig d = defaults();
        return new CleanerConfig(
                bool(props, ENABLE, d.enableCleaner()),
                (int) number(props, THREADS, d.numThreads()),
                number(props, DEDUPE_BUFFER_SIZE, d.dedupeBufferSize()),
                decimal(props, IO_BUFFER_LOAD_FACTOR, d.dedupeLoadFactor()),
                (int) number(props, IO_BUFFER_SIZE, d.ioBufferSize()),
                decimal(props, IO_MAX_BYTES_PER_SECOND, d.maxIoBytesPerSecond()),
                number(props, BACKOFF_MS, d.backoffMs()));
    }

    private static boolean bool(Map<String, ?> props, String key, boolean def) {
        Object v = props.get(key);
        if (v == null) {
            return def;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new ConfigException(key, v, "expected true or false");
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

    private static double decimal(Map<String, ?> props, String key, double def) {
        Object v = props.get(key);
        if (v == null) {
            return def;
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "expected a number");
        }
    }
}
