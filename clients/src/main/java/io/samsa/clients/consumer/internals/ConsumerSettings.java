package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.common.config.ConfigException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the consumer's parts need from its {@link ConsumerConfig}, read once. Immutable.
 */
public record ConsumerSettings(List<String> bootstrapServers, String clientId, Optional<String> groupId,
                               Optional<String> groupInstanceId, boolean autoCommit, long autoCommitIntervalMs,
                               OffsetResetStrategy resetStrategy, int sessionTimeoutMs, int heartbeatIntervalMs,
                               int maxPollIntervalMs, int maxPollRecords, int fetchMinBytes, int fetchMaxBytes,
                               int fetchMaxWaitMs, int maxPartitionFetchBytes, boolean readCommitted,
                               boolean checkCrcs, List<String> assignmentStrategies, int requestTimeoutMs,
                               int defaultApiTimeoutMs, long retryBackoffMs, long retryBackoffMaxMs,
                               long reconnectBackoffMs, long reconnectBackoffMaxMs, long metadataMaxAgeMs,
                               boolean allowAutoCreateTopics, String clientRack, boolean excludeInternalTopics,
                               long socketConnectionSetupTimeoutMs, int sendBufferBytes, int receiveBufferBytes) {

    /** The settings of a validated configuration. */
    public static ConsumerSettings from(ConsumerConfig c) {
        Optional<String> groupId = Optional.ofNullable(c.getString(ConsumerConfig.GROUP_ID_CONFIG)).filter(s -> !s.isEmpty());
        Optional<String> instanceId = Optional.ofNullable(c.getString(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                .filter(s -> !s.isEmpty());
        if (groupId.isEmpty() && instanceId.isPresent()) {
            throw new ConfigException(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId.get(), "requires a group.id");
        }
        OffsetResetStrategy strategy = switch (c.getString(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG).toLowerCase(Locale.ROOT)) {
            case "earliest" -> OffsetResetStrategy.EARLIEST;
            case "none" -> OffsetResetStrategy.NONE;
            default -> OffsetResetStrategy.LATEST;
        };
        return new ConsumerSettings(c.getList(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                c.getString(ConsumerConfig.CLIENT_ID_CONFIG), groupId, instanceId,
                c.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG), c.getInt(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG),
                strategy, c.getInt(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), c.getInt(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                c.getInt(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), c.getInt(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
                c.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), c.getInt(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
                c.getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), c.getInt(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                "read_committed".equals(c.getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG)),
                c.getBoolean(ConsumerConfig.CHECK_CRCS_CONFIG), c.getList(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG),
                c.getInt(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG), c.getInt(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG),
                c.getLong(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG), c.getLong(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
                c.getLong(ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG), c.getLong(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG),
                c.getLong(ConsumerConfig.METADATA_MAX_AGE_CONFIG), c.getBoolean(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG),
                c.getString(ConsumerConfig.CLIENT_RACK_CONFIG), c.getBoolean(ConsumerConfig.EXCLUDE_INTERNAL_TOPICS_CONFIG),
                c.getLong(ConsumerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG), c.getInt(ConsumerConfig.SEND_BUFFER_CONFIG),
                c.getInt(ConsumerConfig.RECEIVE_BUFFER_CONFIG));
    }
}
