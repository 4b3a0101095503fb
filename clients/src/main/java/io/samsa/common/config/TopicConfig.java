package io.samsa.common.config;

import java.util.Set;

/**
 * The names of the topic-level configurations, Kafka 3.9's keys, shared by the broker (which
 * defines their types, defaults and validation in {@code core}'s {@code LogConfig}; a test there
 * checks both agree) and by clients and tools, which need the names without the broker, for
 * example to spot a misspelt key on the command line. Constants only.
 */
public final class TopicConfig {

    public static final String SEGMENT_BYTES_CONFIG = "segment.bytes";
    public static final String SEGMENT_MS_CONFIG = "segment.ms";
    public static final String SEGMENT_JITTER_MS_CONFIG = "segment.jitter.ms";
    public static final String SEGMENT_INDEX_BYTES_CONFIG = "segment.index.bytes";
    public static final String FLUSH_MESSAGES_INTERVAL_CONFIG = "flush.messages";
    public static final String FLUSH_MS_CONFIG = "flush.ms";
    public static final String RETENTION_BYTES_CONFIG = "retention.bytes";
    public static final String RETENTION_MS_CONFIG = "retention.ms";
    public static final String REMOTE_LOG_STORAGE_ENABLE_CONFIG = "remote.storage.enable";
    public static final String LOCAL_LOG_RETENTION_MS_CONFIG = "local.retention.ms";
    public static final String LOCAL_LOG_RETENTION_BYTES_CONFIG = "local.retention.bytes";
    public static final String REMOTE_LOG_COPY_DISABLE_CONFIG = "remote.log.copy.disable";
    public static final String REMOTE_LOG_DELETE_ON_DISABLE_CONFIG = "remote.log.delete.on.disable";
    public static final String MAX_MESSAGE_BYTES_CONFIG = "max.message.bytes";
    public static final String INDEX_INTERVAL_BYTES_CONFIG = "index.interval.bytes";
    public static final String FILE_DELETE_DELAY_MS_CONFIG = "file.delete.delay.ms";
    public static final String DELETE_RETENTION_MS_CONFIG = "delete.retention.ms";
    public static final String MIN_COMPACTION_LAG_MS_CONFIG = "min.compaction.lag.ms";
    public static final String MAX_COMPACTION_LAG_MS_CONFIG = "max.compaction.lag.ms";
    public static final String MIN_CLEANABLE_DIRTY_RATIO_CONFIG = "min.cleanable.dirty.ratio";
    public static final String CLEANUP_POLICY_CONFIG = "cleanup.policy";
    public static final String UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG = "unclean.leader.election.enable";
    public static final String MIN_IN_SYNC_REPLICAS_CONFIG = "min.insync.replicas";
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL_CONFIG = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL_CONFIG = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL_CONFIG = "compression.zstd.level";
    public static final String PREALLOCATE_CONFIG = "preallocate";
    public static final String MESSAGE_FORMAT_VERSION_CONFIG = "message.format.version";
    public static final String MESSAGE_TIMESTAMP_TYPE_CONFIG = "message.timestamp.type";
    public static final String MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS_CONFIG = "message.timestamp.difference.max.ms";
    public static final String MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG = "message.timestamp.before.max.ms";
    public static final String MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG = "message.timestamp.after.max.ms";
    public static final String MESSAGE_DOWNCONVERSION_ENABLE_CONFIG = "message.downconversion.enable";
    /** Replication throttles of a topic (Kafka keeps these two with its quota configs). */
    public static final String LEADER_REPLICATION_THROTTLED_REPLICAS_CONFIG = "leader.replication.throttled.replicas";
    public static final String FOLLOWER_REPLICATION_THROTTLED_REPLICAS_CONFIG = "follower.replication.throttled.replicas";

    private static final Set<String> NAMES = Set.of(SEGMENT_BYTES_CONFIG, SEGMENT_MS_CONFIG, SEGMENT_JITTER_MS_CONFIG,
            SEGMENT_INDEX_BYTES_CONFIG, FLUSH_MESSAGES_INTERVAL_CONFIG, FLUSH_MS_CONFIG, RETENTION_BYTES_CONFIG,
            RETENTION_MS_CONFIG, REMOTE_LOG_STORAGE_ENABLE_CONFIG, LOCAL_LOG_RETENTION_MS_CONFIG,
            LOCAL_LOG_RETENTION_BYTES_CONFIG, REMOTE_LOG_COPY_DISABLE_CONFIG, REMOTE_LOG_DELETE_ON_DISABLE_CONFIG,
            MAX_MESSAGE_BYTES_CONFIG, INDEX_INTERVAL_BYTES_CONFIG, FILE_DELETE_DELAY_MS_CONFIG, DELETE_RETENTION_MS_CONFIG,
            MIN_COMPACTION_LAG_MS_CONFIG, MAX_COMPACTION_LAG_MS_CONFIG, MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
            CLEANUP_POLICY_CONFIG, UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG, MIN_IN_SYNC_REPLICAS_CONFIG,
            COMPRESSION_TYPE_CONFIG, COMPRESSION_GZIP_LEVEL_CONFIG, COMPRESSION_LZ4_LEVEL_CONFIG,
            COMPRESSION_ZSTD_LEVEL_CONFIG, PREALLOCATE_CONFIG, MESSAGE_FORMAT_VERSION_CONFIG,
            MESSAGE_TIMESTAMP_TYPE_CONFIG, MESSAGE_TIMESTAMP_DIFFERENCE_MAX_MS_CONFIG,
            MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG,
            MESSAGE_DOWNCONVERSION_ENABLE_CONFIG, LEADER_REPLICATION_THROTTLED_REPLICAS_CONFIG,
            FOLLOWER_REPLICATION_THROTTLED_REPLICAS_CONFIG);

    private TopicConfig() {
    }

    /** Every topic-level configuration name. */
    public static Set<String> names() {
        return NAMES;
    }
}
