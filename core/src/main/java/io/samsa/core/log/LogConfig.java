package io.samsa.core.log;

import io.samsa.common.config.AbstractConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.config.ConfigType;
import io.samsa.record.CompressionType;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.samsa.common.config.ConfigDef.atLeast;
import static io.samsa.common.config.ConfigDef.between;
import static io.samsa.common.config.ConfigDef.oneOf;

/**
 * The per-topic configuration of a partition log, under Kafka's topic-level key names and
 * defaults ({@code segment.bytes}, {@code retention.ms}, ...). A topic's config is its overrides
 * laid over the broker's defaults; the broker's defaults come from its {@code log.*} keys through
 * {@link #fromBrokerProperties}. Invalid values and unknown keys throw a {@link ConfigException}
 * naming the key. Immutable; thread-safe.
 */
public final class LogConfig extends AbstractConfig {

    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String SEGMENT_MS = "segment.ms";
    public static final String SEGMENT_JITTER_MS = "segment.jitter.ms";
    public static final String SEGMENT_INDEX_BYTES = "segment.index.bytes";
    public static final String INDEX_INTERVAL_BYTES = "index.interval.bytes";
    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";
    public static final String MESSAGE_TIMESTAMP_BEFORE_MAX_MS = "message.timestamp.before.max.ms";
    public static final String MESSAGE_TIMESTAMP_AFTER_MAX_MS = "message.timestamp.after.max.ms";
    public static final String MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS = "message.timestamp.difference.max.ms";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String FILE_DELETE_DELAY_MS = "file.delete.delay.ms";
    public static final String FLUSH_MESSAGES = "flush.messages";
    public static final String FLUSH_MS = "flush.ms";
    public static final String MIN_IN_SYNC_REPLICAS = "min.insync.replicas";
    public static final String DELETE_RETENTION_MS = "delete.retention.ms";
    public static final String MIN_COMPACTION_LAG_MS = "min.compaction.lag.ms";
    public static final String MAX_COMPACTION_LAG_MS = "max.compaction.lag.ms";
    public static final String MIN_CLEANABLE_DIRTY_RATIO = "min.cleanable.dirty.ratio";
    public static final String UNCLEAN_LEADER_ELECTION_ENABLE = "unclean.leader.election.enable";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL = "compression.zstd.level";
    public static final String MESSAGE_FORMAT_VERSION = "message.format.version";
    public static final String PREALLOCATE = "preallocate";
    public static final String MESSAGE_DOWNCONVERSION_ENABLE = "message.downconversion.enable";
    public static final String LEADER_REPLICATION_THROTTLED_REPLICAS = "leader.replication.throttled.replicas";
    public static final String FOLLOWER_REPLICATION_THROTTLED_REPLICAS = "follower.replication.throttled.replicas";
    public static final String REMOTE_STORAGE_ENABLE = "remote.storage.enable";
    public static final String REMOTE_LOG_COPY_DISABLE = "remote.log.copy.disable";
    public static final String REMOTE_LOG_DELETE_ON_DISABLE = "remote.log.delete.on.disable";
    public static final String LOCAL_RETENTION_MS = "local.retention.ms";
    public static final String LOCAL_RETENTION_BYTES = "local.retention.bytes";

    public static final String CLEANUP_POLICY_DELETE = "delete";
    public static final String CLEANUP_POLICY_COMPACT = "compact";

    /** Kafka 3.x's default for {@code message.format.version} and {@code log.message.format.version}. */
    public static final String DEFAULT_MESSAGE_FORMAT_VERSION = "3.0-IV1";
    /** The {@code local.retention.*} value meaning "the same as {@code retention.*}" (Kafka's default). */
    public static final long LOCAL_RETENTION_AS_RETENTION = -2L;

    private static final ConfigDef DEF = new ConfigDef()
            .define(SEGMENT_BYTES, ConfigType.INT, 1024 * 1024 * 1024, atLeast(14),
                    "Segment file size before a new segment is rolled", true)
            .define(SEGMENT_MS, ConfigType.LONG, 7 * 24 * 3_600_000L, atLeast(1),
                    "Age of a segment's first batch before a new segment is rolled", true)
            .define(SEGMENT_JITTER_MS, ConfigType.LONG, 0L, atLeast(0),
                    "Random jitter subtracted from segment.ms", true)
            .define(SEGMENT_INDEX_BYTES, ConfigType.INT, 10 * 1024 * 1024, atLeast(4),
                    "Preallocated size of the offset and time indexes", true)
            .define(INDEX_INTERVAL_BYTES, ConfigType.INT, 4096, atLeast(0),
                    "Bytes appended between offset index entries", true)
            .define(RETENTION_MS, ConfigType.LONG, 7 * 24 * 3_600_000L, atLeast(-1),
                    "Age after which segments are deleted; -1 keeps them forever", true)
            .define(RETENTION_BYTES, ConfigType.LONG, -1L, null,
                    "Partition size above which the oldest segments are deleted; -1 is unlimited", true)
            .define(MAX_MESSAGE_BYTES, ConfigType.INT, 1024 * 1024 + 12, atLeast(0),
                    "Largest record batch accepted", true)
            .define(MESSAGE_TIMESTAMP_TYPE, ConfigType.STRING, "CreateTime", oneOf("CreateTime", "LogAppendTime"),
                    "Whether batches keep the producer's timestamp or get the broker's append time", true)
            .define(MESSAGE_TIMESTAMP_BEFORE_MAX_MS, ConfigType.LONG, Long.MAX_VALUE, atLeast(0),
                    "How far in the past a CreateTime timestamp may be", true)
            .define(MESSAGE_TIMESTAMP_AFTER_MAX_MS, ConfigType.LONG, Long.MAX_VALUE, atLeast(0),
                    "How far in the future a CreateTime timestamp may be", true)
            .define(MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS, ConfigType.LONG, Long.MAX_VALUE, atLeast(0),
                    "Deprecated: bound on |timestamp - now| for CreateTime", true)
            .define(CLEANUP_POLICY, ConfigType.LIST, CLEANUP_POLICY_DELETE,
                    oneOf(CLEANUP_POLICY_DELETE, CLEANUP_POLICY_COMPACT), "delete and/or compact", true)
            .define(FILE_DELETE_DELAY_MS, ConfigType.LONG, 60_000L, atLeast(0),
                    "Delay before the files of a deleted segment are removed", true)
            .define(FLUSH_MESSAGES, ConfigType.LONG, Long.MAX_VALUE, atLeast(1),
                    "Messages appended between forced fsyncs", true)
            .define(FLUSH_MS, ConfigType.LONG, Long.MAX_VALUE, atLeast(0),
                    "Time between forced fsyncs", true)
            .define(MIN_IN_SYNC_REPLICAS, ConfigType.INT, 1, atLeast(1),
                    "Minimum ISR size for acks=all", true)
            .define(DELETE_RETENTION_MS, ConfigType.LONG, 86_400_000L, atLeast(0),
                    "How long tombstones survive compaction", true)
            .define(MIN_COMPACTION_LAG_MS, ConfigType.LONG, 0L, atLeast(0),
                    "Minimum age of a record before compaction", true)
            .define(MAX_COMPACTION_LAG_MS, ConfigType.LONG, Long.MAX_VALUE, atLeast(1),
                    "Maximum age of a record before it is eligible for compaction", true)
            .define(MIN_CLEANABLE_DIRTY_RATIO, ConfigType.DOUBLE, 0.5, between(0, 1),
                    "Dirty ratio that makes a log eligible for cleaning", true)
            .define(UNCLEAN_LEADER_ELECTION_ENABLE, ConfigType.BOOLEAN, false, null,
                    "Whether an out-of-sync replica may become leader", true)
            .define(COMPRESSION_TYPE, ConfigType.STRING, "producer",
                    oneOf("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"),
                    "Compression of stored batches; producer keeps the producer's codec", true)
            // KIP-390 levels: used when a topic's compression.type makes the broker re-encode a
            // producer's batch (a batch already in the topic's codec is kept as produced, whatever its
            // level, as Kafka does); the cleaner rewrites batches in their own codec at its default level.
            .define(COMPRESSION_GZIP_LEVEL, ConfigType.INT, CompressionType.GZIP.defaultLevel(),
                    LogConfigValidators.compressionLevel(CompressionType.GZIP),
                    "gzip level of batches the broker compresses (compression.type=gzip)", true)
            .define(COMPRESSION_LZ4_LEVEL, ConfigType.INT, CompressionType.LZ4.defaultLevel(),
                    LogConfigValidators.compressionLevel(CompressionType.LZ4),
                    "lz4 level of batches the broker compresses (compression.type=lz4)", true)
            .define(COMPRESSION_ZSTD_LEVEL, ConfigType.INT, CompressionType.ZSTD.defaultLevel(),
                    LogConfigValidators.compressionLevel(CompressionType.ZSTD),
                    "zstd level of batches the broker compresses (compression.type=zstd)", true)
            .define(PREALLOCATE, ConfigType.BOOLEAN, false, null, "Preallocate segment files (accepted, not used)", true)
            .define(MESSAGE_DOWNCONVERSION_ENABLE, ConfigType.BOOLEAN, true, null,
                    "Whether old fetch versions may get down-converted batches", true)
            .define(MESSAGE_FORMAT_VERSION, ConfigType.STRING, DEFAULT_MESSAGE_FORMAT_VERSION,
                    LogConfigValidators.messageFormatVersion(),
                    "Deprecated record format version (accepted and ignored, as Kafka 3.x does)", true)
            .define(LEADER_REPLICATION_THROTTLED_REPLICAS, ConfigType.LIST, "", null,
                    "Replicas throttled on the leader side", true)
            .define(FOLLOWER_REPLICATION_THROTTLED_REPLICAS, ConfigType.LIST, "", null,
                    "Replicas throttled on the follower side", true)
            // Tiered storage (KIP-405/950). Samsa has none, like a Kafka broker with
            // remote.log.storage.system.enable=false: enabling it is refused, the rest is accepted
            // with Kafka's ranges and has no effect.
            .define(REMOTE_STORAGE_ENABLE, ConfigType.BOOLEAN, false, LogConfigValidators.tieredStorageDisabled(),
                    "Tiered storage for the topic (only false: Samsa has no tiered storage)", true)
            .define(REMOTE_LOG_COPY_DISABLE, ConfigType.BOOLEAN, false, null,
                    "Stop copying segments to remote storage (accepted, no effect)", true)
            .define(REMOTE_LOG_DELETE_ON_DISABLE, ConfigType.BOOLEAN, false, null,
                    "Delete remote data when tiered storage is turned off (accepted, no effect)", true)
            .define(LOCAL_RETENTION_MS, ConfigType.LONG, LOCAL_RETENTION_AS_RETENTION, atLeast(-2),
                    "Local retention time under tiered storage; -2 follows retention.ms (accepted, no effect)", true)
            .define(LOCAL_RETENTION_BYTES, ConfigType.LONG, LOCAL_RETENTION_AS_RETENTION, atLeast(-2),
                    "Local retention size under tiered storage; -2 follows retention.bytes (accepted, no effect)", true);

    /** Broker-level key for each topic-level key whose broker name differs only by a prefix or rename. */
    private static final Map<String, String> BROKER_KEYS = brokerKeys();

    private static final LogConfig DEFAULTS = new LogConfig(Map.of());

    /** The name of every topic-level key (the same as {@code io.samsa.common.config.TopicConfig.names()}). */
    public static Set<String> configNames() {
        Set<String> names = new TreeSet<>();
        DEF.keys().forEach(k -> names.add(k.name()));
        return names;
    }

    // Read on every append and roll check, so parsed once.
    private final int segmentBytes;
    private final long segmentMs;
    private final long maxSegmentMs;
    private final long segmentJitterMs;
    private final int segmentIndexBytes;
    private final int indexIntervalBytes;
    private final long retentionMs;
    private final long retentionBytes;
    private final int maxMessageBytes;
    private final MessageTimestampType timestampType;
    private final long timestampBeforeMaxMs;
    private final long timestampAfterMaxMs;
    private final boolean compact;
    private final boolean delete;
    private final long fileDeleteDelayMs;
    private final long flushMessages;
    private final long flushMs;

    private LogConfig(Map<String, String> props) {
        super(DEF, props);
        for (String key : props.keySet()) {
            if (!DEF.isDefined(key)) {
                throw new ConfigException("Unknown topic configuration " + key);
            }
        }
        this.segmentBytes = getInt(SEGMENT_BYTES);
        this.segmentMs = getLong(SEGMENT_MS);
        this.segmentJitterMs = getLong(SEGMENT_JITTER_MS);
        this.segmentIndexBytes = getInt(SEGMENT_INDEX_BYTES);
        this.indexIntervalBytes = getInt(INDEX_INTERVAL_BYTES);
        this.retentionMs = getLong(RETENTION_MS);
        this.retentionBytes = getLong(RETENTION_BYTES);
        this.maxMessageBytes = getInt(MAX_MESSAGE_BYTES);
        this.timestampType = MessageTimestampType.forName(getString(MESSAGE_TIMESTAMP_TYPE));
        long difference = getLong(MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS);
        // The deprecated difference key still bounds both sides unless the newer keys are set, as in Kafka 3.x.
        this.timestampBeforeMaxMs = isSet(MESSAGE_TIMESTAMP_BEFORE_MAX_MS)
                ? getLong(MESSAGE_TIMESTAMP_BEFORE_MAX_MS) : Math.min(getLong(MESSAGE_TIMESTAMP_BEFORE_MAX_MS), difference);
        this.timestampAfterMaxMs = isSet(MESSAGE_TIMESTAMP_AFTER_MAX_MS)
                ? getLong(MESSAGE_TIMESTAMP_AFTER_MAX_MS) : Math.min(getLong(MESSAGE_TIMESTAMP_AFTER_MAX_MS), difference);
        List<String> policy = getList(CLEANUP_POLICY);
        this.compact = policy.contains(CLEANUP_POLICY_COMPACT);
        this.delete = policy.contains(CLEANUP_POLICY_DELETE);
        this.fileDeleteDelayMs = getLong(FILE_DELETE_DELAY_MS);
        this.flushMessages = getLong(FLUSH_MESSAGES);
        this.flushMs = getLong(FLUSH_MS);
        this.maxSegmentMs = compact ? Math.min(segmentMs, getLong(MAX_COMPACTION_LAG_MS)) : segmentMs;
        if (getLong(MIN_COMPACTION_LAG_MS) > getLong(MAX_COMPACTION_LAG_MS)) {
            throw new ConfigException(MIN_COMPACTION_LAG_MS, getLong(MIN_COMPACTION_LAG_MS),
                    "must not exceed " + MAX_COMPACTION_LAG_MS);
        }
    }

    /** Kafka's defaults for every topic-level key. */
    public static LogConfig defaults() {
        return DEFAULTS;
    }

    /** Kafka's defaults overridden by topic-level {@code props}. */
    public static LogConfig of(Map<String, String> props) {
        return new LogConfig(Map.copyOf(props));
    }

    /**
     * The broker-wide defaults for topics, from broker properties ({@code log.segment.bytes},
     * {@code log.retention.hours}, {@code message.max.bytes}, ...). Keys that are not log settings
     * are ignored; an invalid log setting throws naming the broker key.
     */
    public static LogConfig fromBrokerProperties(Map<String, ?> brokerProps) {
        Map<String, String> topicProps = new HashMap<>();
        for (Map.Entry<String, String> e : BROKER_KEYS.entrySet()) {
            Object v = brokerProps.get(e.getKey());
            if (v != null) {
                topicProps.put(e.getValue(), v.toString());
            }
        }
        putScaled(brokerProps, topicProps, RETENTION_MS, "log.retention.ms", "log.retention.minutes", "log.retention.hours");
        putScaled(brokerProps, topicProps, SEGMENT_MS, "log.roll.ms", null, "log.roll.hours");
        putScaled(brokerProps, topicProps, SEGMENT_JITTER_MS, "log.roll.jitter.ms", null, "log.roll.jitter.hours");
        if (!topicProps.containsKey(FLUSH_MS) && brokerProps.get("log.flush.scheduler.interval.ms") != null) {
            topicProps.put(FLUSH_MS, brokerProps.get("log.flush.scheduler.interval.ms").toString());
        }
        try {
            return new LogConfig(topicProps);
        } catch (ConfigException e) {
            throw new ConfigException(renameToBrokerKeys(e.getMessage()));
        }
    }

    /** This config with topic-level {@code overrides} laid over it. */
    public LogConfig withOverrides(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : originals().entrySet()) {
            merged.put(e.getKey(), String.valueOf(e.getValue()));
        }
        merged.putAll(overrides);
        return new LogConfig(merged);
    }

    /** Every topic-level key this broker knows, in definition order. */
    public static Set<String> names() {
        Set<String> names = new java.util.LinkedHashSet<>();
        DEF.keys().forEach(k -> names.add(k.name()));
        return names;
    }

    /** Whether a topic-level key holds a comma-separated list (IncrementalAlterConfigs may append to it). */
    public static boolean isListType(String topicKey) {
        ConfigDef.Key key = DEF.key(topicKey);
        return key != null && key.type() == ConfigType.LIST;
    }

    /**
     * The broker-level keys that set a topic-level key's default, highest precedence first
     * ({@code retention.ms}: {@code log.retention.ms}, {@code log.retention.minutes},
     * {@code log.retention.hours}); empty if the broker has none.
     */
    public static List<String> brokerSynonyms(String topicKey) {
        switch (topicKey) {
            case RETENTION_MS:
                return List.of("log.retention.ms", "log.retention.minutes", "log.retention.hours");
            case SEGMENT_MS:
                return List.of("log.roll.ms", "log.roll.hours");
            case SEGMENT_JITTER_MS:
                return List.of("log.roll.jitter.ms", "log.roll.jitter.hours");
            case FLUSH_MS:
                return List.of("log.flush.interval.ms", "log.flush.scheduler.interval.ms");
            default:
                List<String> out = new java.util.ArrayList<>();
                BROKER_KEYS.forEach((broker, topic) -> {
                    if (topic.equals(topicKey)) {
                        out.add(broker);
                    }
                });
                return out;
        }
    }

    /** The topic-level key for a broker-level one ({@code log.segment.bytes} gives {@code segment.bytes}), or null. */
    public static String topicKeyForBrokerKey(String brokerKey) {
        return BROKER_KEYS.get(brokerKey);
    }

    public int segmentBytes() {
        return segmentBytes;
    }

    public long segmentMs() {
        return segmentMs;
    }

    /**
     * The segment age that rolls the active segment: {@code segment.ms}, or for a compacted topic
     * {@code max.compaction.lag.ms} if smaller, since the active segment is never cleaned.
     */
    public long maxSegmentMs() {
        return maxSegmentMs;
    }

    public long segmentJitterMs() {
        return segmentJitterMs;
    }

    public int segmentIndexBytes() {
        return segmentIndexBytes;
    }

    public int indexIntervalBytes() {
        return indexIntervalBytes;
    }

    /** -1 keeps segments forever. */
    public long retentionMs() {
        return retentionMs;
    }

    /** -1 is unlimited. */
    public long retentionBytes() {
        return retentionBytes;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public MessageTimestampType timestampType() {
        return timestampType;
    }

    public long timestampBeforeMaxMs() {
        return timestampBeforeMaxMs;
    }

    public long timestampAfterMaxMs() {
        return timestampAfterMaxMs;
    }

    public boolean compact() {
        return compact;
    }

    public boolean delete() {
        return delete;
    }

    public long fileDeleteDelayMs() {
        return fileDeleteDelayMs;
    }

    public long flushMessages() {
        return flushMessages;
    }

    public long flushMs() {
        return flushMs;
    }

    public int minInSyncReplicas() {
        return getInt(MIN_IN_SYNC_REPLICAS);
    }

    public long deleteRetentionMs() {
        return getLong(DELETE_RETENTION_MS);
    }

    public long minCompactionLagMs() {
        return getLong(MIN_COMPACTION_LAG_MS);
    }

    public long maxCompactionLagMs() {
        return getLong(MAX_COMPACTION_LAG_MS);
    }

    public double minCleanableDirtyRatio() {
        return getDouble(MIN_CLEANABLE_DIRTY_RATIO);
    }

    public boolean uncleanLeaderElectionEnable() {
        return getBoolean(UNCLEAN_LEADER_ELECTION_ENABLE);
    }

    public String compressionType() {
        return getString(COMPRESSION_TYPE);
    }

    /** Whether old fetch versions may have stored batches converted to message format v0 or v1. */
    public boolean messageDownConversionEnable() {
        return getBoolean(MESSAGE_DOWNCONVERSION_ENABLE);
    }

    /** The codec stored batches must use, or null for "producer" (keep each batch's own). */
    public CompressionType storedCompression() {
        String type = compressionType();
        return switch (type) {
            case "producer" -> null;
            case "uncompressed" -> CompressionType.NONE;
            default -> CompressionType.forName(type);
        };
    }

    /** The configured level of {@code codec} (compression.gzip/lz4/zstd.level); the codec's default otherwise. */
    public int compressionLevel(CompressionType codec) {
        return switch (codec) {
            case GZIP -> getInt(COMPRESSION_GZIP_LEVEL);
            case LZ4 -> getInt(COMPRESSION_LZ4_LEVEL);
            case ZSTD -> getInt(COMPRESSION_ZSTD_LEVEL);
            default -> codec.defaultLevel();
        };
    }

    /** Every key's effective value as Kafka prints it (DescribeConfigs). */
    public Map<String, String> valuesAsStrings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values().entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                    : String.valueOf(v));
        }
        return out;
    }

    @Override
    public String toString() {
        return "LogConfig" + originals();
    }

    private static Map<String, String> brokerKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("log.segment.bytes", SEGMENT_BYTES);
        m.put("log.index.size.max.bytes", SEGMENT_INDEX_BYTES);
        m.put("log.index.interval.bytes", INDEX_INTERVAL_BYTES);
        m.put("log.retention.bytes", RETENTION_BYTES);
        m.put("message.max.bytes", MAX_MESSAGE_BYTES);
        m.put("log.message.timestamp.type", MESSAGE_TIMESTAMP_TYPE);
        m.put("log.message.timestamp.before.max.ms", MESSAGE_TIMESTAMP_BEFORE_MAX_MS);
        m.put("log.message.timestamp.after.max.ms", MESSAGE_TIMESTAMP_AFTER_MAX_MS);
        m.put("log.message.timestamp.difference.max.ms", MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS);
        m.put("log.cleanup.policy", CLEANUP_POLICY);
        m.put("log.segment.delete.delay.ms", FILE_DELETE_DELAY_MS);
        m.put("log.flush.interval.messages", FLUSH_MESSAGES);
        m.put("log.flush.interval.ms", FLUSH_MS);
        m.put("min.insync.replicas", MIN_IN_SYNC_REPLICAS);
        m.put("log.cleaner.delete.retention.ms", DELETE_RETENTION_MS);
        m.put("log.cleaner.min.compaction.lag.ms", MIN_COMPACTION_LAG_MS);
        m.put("log.cleaner.max.compaction.lag.ms", MAX_COMPACTION_LAG_MS);
        m.put("log.cleaner.min.cleanable.ratio", MIN_CLEANABLE_DIRTY_RATIO);
        m.put("unclean.leader.election.enable", UNCLEAN_LEADER_ELECTION_ENABLE);
        m.put("compression.type", COMPRESSION_TYPE);
        m.put("compression.gzip.level", COMPRESSION_GZIP_LEVEL);
        m.put("compression.lz4.level", COMPRESSION_LZ4_LEVEL);
        m.put("compression.zstd.level", COMPRESSION_ZSTD_LEVEL);
        m.put("log.message.format.version", MESSAGE_FORMAT_VERSION);
        m.put("log.local.retention.ms", LOCAL_RETENTION_MS);
        m.put("log.local.retention.bytes", LOCAL_RETENTION_BYTES);
        m.put("log.preallocate", PREALLOCATE);
        m.put("log.message.downconversion.enable", MESSAGE_DOWNCONVERSION_ENABLE);
        return Map.copyOf(m);
    }

    /** Kafka's ms > minutes > hours precedence for a duration given at several scales. */
    private static void putScaled(Map<String, ?> brokerProps, Map<String, String> out, String topicKey,
                                  String msKey, String minutesKey, String hoursKey) {
        Object ms = brokerProps.get(msKey);
        if (ms != null) {
            out.put(topicKey, ms.toString());
            return;
        }
        Object minutes = minutesKey == null ? null : brokerProps.get(minutesKey);
        if (minutes != null) {
            out.put(topicKey, Long.toString(parseLong(minutesKey, minutes) * 60_000L));
            return;
        }
        Object hours = brokerProps.get(hoursKey);
        if (hours != null) {
            out.put(topicKey, Long.toString(parseLong(hoursKey, hours) * 3_600_000L));
        }
    }

    private static long parseLong(String key, Object value) {
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "expected a number");
        }
    }

    private static String renameToBrokerKeys(String message) {
        Map<String, String> topicToBroker = new HashMap<>();
        BROKER_KEYS.forEach((broker, topic) -> topicToBroker.put(topic, broker));
        topicToBroker.put(RETENTION_MS, "log.retention.ms");
        topicToBroker.put(SEGMENT_MS, "log.roll.ms");
        topicToBroker.put(SEGMENT_JITTER_MS, "log.roll.jitter.ms");
        for (Map.Entry<String, String> e : topicToBroker.entrySet()) {
            String quoted = "configuration " + e.getKey() + ":";
            if (message.contains(quoted)) {
                return message.replace(quoted, "configuration " + e.getValue() + ":");
            }
        }
        return message;
    }
}
