package io.samsa.core.server;

import io.samsa.common.config.AbstractConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.config.ConfigType;

import io.samsa.core.coordinator.group.GroupConfig;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogConfigValidators;
import io.samsa.core.metrics.MetricsHttpListener;
import io.samsa.core.replication.ReplicationConfig;
import io.samsa.record.CompressionType;
import io.samsa.zk.EndPoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.samsa.common.config.ConfigDef.atLeast;
import static io.samsa.common.config.ConfigDef.between;
import static io.samsa.common.config.ConfigDef.nonEmpty;
import static io.samsa.common.config.ConfigDef.oneOf;

/**
 * The broker's configuration: Kafka's key names and defaults, so that a ZooKeeper-mode
 * {@code server.properties} written for Apache Kafka starts a Samsa broker unchanged. Keys this
 * broker does not know are reported by {@link #undefinedKeys()} (the server logs them) rather than
 * refused, as Kafka does. Immutable; thread-safe.
 */
public final class BrokerConfig extends AbstractConfig {

    public static final String BROKER_ID = "broker.id";
    public static final String LISTENERS = "listeners";
    public static final String ADVERTISED_LISTENERS = "advertised.listeners";
    public static final String LISTENER_SECURITY_PROTOCOL_MAP = "listener.security.protocol.map";
    public static final String INTER_BROKER_LISTENER_NAME = "inter.broker.listener.name";
    public static final String LOG_DIRS = "log.dirs";
    public static final String LOG_DIR = "log.dir";
    public static final String ZOOKEEPER_CONNECT = "zookeeper.connect";
    public static final String ZOOKEEPER_SESSION_TIMEOUT_MS = "zookeeper.session.timeout.ms";
    public static final String ZOOKEEPER_CONNECTION_TIMEOUT_MS = "zookeeper.connection.timeout.ms";
    public static final String NUM_NETWORK_THREADS = "num.network.threads";
    public static final String NUM_IO_THREADS = "num.io.threads";
    public static final String QUEUED_MAX_REQUESTS = "queued.max.requests";
    public static final String SOCKET_SEND_BUFFER_BYTES = "socket.send.buffer.bytes";
    public static final String SOCKET_RECEIVE_BUFFER_BYTES = "socket.receive.buffer.bytes";
    public static final String SOCKET_REQUEST_MAX_BYTES = "socket.request.max.bytes";
    public static final String CONNECTIONS_MAX_IDLE_MS = "connections.max.idle.ms";
    public static final String NUM_PARTITIONS = "num.partitions";
    public static final String DEFAULT_REPLICATION_FACTOR = "default.replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String AUTO_CREATE_TOPICS_ENABLE = "auto.create.topics.enable";
    public static final String DELETE_TOPIC_ENABLE = "delete.topic.enable";
    public static final String MESSAGE_MAX_BYTES = "message.max.bytes";
    public static final String BROKER_RACK = "broker.rack";
    public static final String CONTROLLED_SHUTDOWN_ENABLE = "controlled.shutdown.enable";
    public static final String CONTROLLED_SHUTDOWN_MAX_RETRIES = "controlled.shutdown.max.retries";
    public static final String CONTROLLED_SHUTDOWN_RETRY_BACKOFF_MS = "controlled.shutdown.retry.backoff.ms";
    public static final String UNCLEAN_LEADER_ELECTION_ENABLE = "unclean.leader.election.enable";
    public static final String AUTO_LEADER_REBALANCE_ENABLE = "auto.leader.rebalance.enable";
    public static final String LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS = "leader.imbalance.check.interval.seconds";
    public static final String LEADER_IMBALANCE_PER_BROKER_PERCENTAGE = "leader.imbalance.per.broker.percentage";
    public static final String REPLICA_LAG_TIME_MAX_MS = "replica.lag.time.max.ms";
    public static final String NUM_REPLICA_FETCHERS = "num.replica.fetchers";
    public static final String MAX_INCREMENTAL_FETCH_SESSION_CACHE_SLOTS = "max.incremental.fetch.session.cache.slots";
    public static final String REPLICA_FETCH_MAX_BYTES = "replica.fetch.max.bytes";
    public static final String REPLICA_FETCH_RESPONSE_MAX_BYTES = "replica.fetch.response.max.bytes";
    public static final String REPLICA_FETCH_MIN_BYTES = "replica.fetch.min.bytes";
    public static final String REPLICA_FETCH_WAIT_MAX_MS = "replica.fetch.wait.max.ms";
    public static final String REPLICA_FETCH_BACKOFF_MS = "replica.fetch.backoff.ms";
    public static final String REPLICA_SOCKET_TIMEOUT_MS = "replica.socket.timeout.ms";
    public static final String LOG_SEGMENT_BYTES = "log.segment.bytes";
    public static final String LOG_ROLL_HOURS = "log.roll.hours";
    public static final String LOG_ROLL_MS = "log.roll.ms";
    public static final String LOG_RETENTION_HOURS = "log.retention.hours";
    public static final String LOG_RETENTION_MINUTES = "log.retention.minutes";
    public static final String LOG_RETENTION_MS = "log.retention.ms";
    public static final String LOG_RETENTION_BYTES = "log.retention.bytes";
    public static final String LOG_RETENTION_CHECK_INTERVAL_MS = "log.retention.check.interval.ms";
    public static final String LOG_INDEX_INTERVAL_BYTES = "log.index.interval.bytes";
    public static final String LOG_INDEX_SIZE_MAX_BYTES = "log.index.size.max.bytes";
    public static final String LOG_FLUSH_INTERVAL_MESSAGES = "log.flush.interval.messages";
    public static final String LOG_FLUSH_INTERVAL_MS = "log.flush.interval.ms";
    public static final String LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS = "log.flush.offset.checkpoint.interval.ms";
    public static final String LOG_CLEANUP_POLICY = "log.cleanup.policy";
    public static final String LOG_MESSAGE_TIMESTAMP_TYPE = "log.message.timestamp.type";
    public static final String LOG_SEGMENT_DELETE_DELAY_MS = "log.segment.delete.delay.ms";
    public static final String NUM_RECOVERY_THREADS_PER_DATA_DIR = "num.recovery.threads.per.data.dir";
    public static final String OFFSETS_TOPIC_REPLICATION_FACTOR = "offsets.topic.replication.factor";
    public static final String OFFSETS_TOPIC_NUM_PARTITIONS = "offsets.topic.num.partitions";
    public static final String TRANSACTION_STATE_LOG_REPLICATION_FACTOR = "transaction.state.log.replication.factor";
    public static final String TRANSACTION_STATE_LOG_MIN_ISR = "transaction.state.log.min.isr";
    public static final String GROUP_INITIAL_REBALANCE_DELAY_MS = "group.initial.rebalance.delay.ms";
    public static final String GROUP_MIN_SESSION_TIMEOUT_MS = "group.min.session.timeout.ms";
    public static final String GROUP_MAX_SESSION_TIMEOUT_MS = "group.max.session.timeout.ms";
    public static final String GROUP_MAX_SIZE = "group.max.size";
    public static final String OFFSET_METADATA_MAX_BYTES = "offset.metadata.max.bytes";
    public static final String OFFSETS_RETENTION_MINUTES = "offsets.retention.minutes";
    public static final String OFFSETS_RETENTION_CHECK_INTERVAL_MS = "offsets.retention.check.interval.ms";
    public static final String OFFSETS_TOPIC_SEGMENT_BYTES = "offsets.topic.segment.bytes";
    public static final String OFFSETS_LOAD_BUFFER_SIZE = "offsets.load.buffer.size";
    public static final String OFFSETS_COMMIT_TIMEOUT_MS = "offsets.commit.timeout.ms";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String COMPRESSION_GZIP_LEVEL = "compression.gzip.level";
    public static final String COMPRESSION_LZ4_LEVEL = "compression.lz4.level";
    public static final String COMPRESSION_ZSTD_LEVEL = "compression.zstd.level";
    public static final String LOG_MESSAGE_FORMAT_VERSION = "log.message.format.version";
    public static final String LOG_LOCAL_RETENTION_MS = "log.local.retention.ms";
    public static final String LOG_LOCAL_RETENTION_BYTES = "log.local.retention.bytes";
    public static final String LOG_CLEANER_ENABLE = "log.cleaner.enable";
    public static final String LOG_CLEANER_THREADS = "log.cleaner.threads";
    public static final String LOG_CLEANER_DEDUPE_BUFFER_SIZE = "log.cleaner.dedupe.buffer.size";
    public static final String LOG_CLEANER_IO_BUFFER_SIZE = "log.cleaner.io.buffer.size";
    public static final String LOG_CLEANER_IO_BUFFER_LOAD_FACTOR = "log.cleaner.io.buffer.load.factor";
    public static final String LOG_CLEANER_IO_MAX_BYTES_PER_SECOND = "log.cleaner.io.max.bytes.per.second";
    public static final String LOG_CLEANER_BACKOFF_MS = "log.cleaner.backoff.ms";
    public static final String LOG_CLEANER_DELETE_RETENTION_MS = "log.cleaner.delete.retention.ms";
    public static final String LOG_CLEANER_MIN_CLEANABLE_RATIO = "log.cleaner.min.cleanable.ratio";
    public static final String LOG_CLEANER_MIN_COMPACTION_LAG_MS = "log.cleaner.min.compaction.lag.ms";
    public static final String LOG_CLEANER_MAX_COMPACTION_LAG_MS = "log.cleaner.max.compaction.lag.ms";
    public static final String PRODUCER_ID_EXPIRATION_MS = "producer.id.expiration.ms";
    public static final String PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS = "producer.id.expiration.check.interval.ms";
    public static final String TRANSACTIONAL_ID_EXPIRATION_MS = "transactional.id.expiration.ms";
    /** Samsa's own key: where Prometheus scrapes /metrics (and probes /health/*); off when unset. */
    public static final String METRICS_HTTP_LISTENER = "metrics.http.listener";

    public static final ConfigDef DEF = new ConfigDef()
            .define(BROKER_ID, ConfigType.INT, -1, atLeast(-1), "This broker's id; unique in the cluster", false)
            .define(LISTENERS, ConfigType.LIST, "PLAINTEXT://:9092", nonEmpty(), "Listeners to bind, NAME://host:port", false)
            .define(ADVERTISED_LISTENERS, ConfigType.LIST, null, null, "Listeners published to clients; defaults to listeners", false)
            .define(LISTENER_SECURITY_PROTOCOL_MAP, ConfigType.LIST, "PLAINTEXT:PLAINTEXT", "Listener name to security protocol")
            .define(INTER_BROKER_LISTENER_NAME, ConfigType.STRING, null, "Listener brokers use to talk to each other")
            .define(LOG_DIRS, ConfigType.LIST, null, null, "Directories holding partition logs", false)
            .define(LOG_DIR, ConfigType.STRING, "/tmp/kafka-logs", "Log directory when log.dirs is not set")
            .define(ZOOKEEPER_CONNECT, ConfigType.STRING, ConfigDef.NO_DEFAULT, nonEmpty(), "host:port[,host:port][/chroot] of ZooKeeper", false)
            .define(ZOOKEEPER_SESSION_TIMEOUT_MS, ConfigType.INT, 18000, atLeast(1), "ZooKeeper session timeout", false)
            .define(ZOOKEEPER_CONNECTION_TIMEOUT_MS, ConfigType.INT, null, null, "ZooKeeper connection timeout; defaults to the session timeout", false)
            .define(NUM_NETWORK_THREADS, ConfigType.INT, 3, atLeast(1), "Netty event-loop threads", false)
            .define(NUM_IO_THREADS, ConfigType.INT, 8, atLeast(1), "Request handler threads", false)
            .define(QUEUED_MAX_REQUESTS, ConfigType.INT, 500, atLeast(1), "Requests queued for handlers before reads stop", false)
            .define(SOCKET_SEND_BUFFER_BYTES, ConfigType.INT, 102400, "SO_SNDBUF, -1 for the OS default")
            .define(SOCKET_RECEIVE_BUFFER_BYTES, ConfigType.INT, 102400, "SO_RCVBUF, -1 for the OS default")
            .define(SOCKET_REQUEST_MAX_BYTES, ConfigType.INT, 104857600, atLeast(1), "Largest request frame accepted", false)
            .define(CONNECTIONS_MAX_IDLE_MS, ConfigType.LONG, 600000L, "Idle connections are closed after this")
            .define(NUM_PARTITIONS, ConfigType.INT, 1, atLeast(1), "Partitions of auto-created topics", false)
            .define(DEFAULT_REPLICATION_FACTOR, ConfigType.SHORT, (short) 1, atLeast(1), "Replication factor of auto-created topics", false)
            .define(MIN_INSYNC_REPLICAS, ConfigType.INT, 1, atLeast(1), "Minimum ISR size for acks=all", true)
            .define(AUTO_CREATE_TOPICS_ENABLE, ConfigType.BOOLEAN, true, "Create topics on metadata requests for them")
            .define(DELETE_TOPIC_ENABLE, ConfigType.BOOLEAN, true, "Allow DeleteTopics")
            .define(MESSAGE_MAX_BYTES, ConfigType.INT, 1048588, atLeast(0), "Largest record batch accepted", true)
            .define(BROKER_RACK, ConfigType.STRING, null, "Rack of this broker")
            .define(CONTROLLED_SHUTDOWN_ENABLE, ConfigType.BOOLEAN, true, "Move leadership away before stopping")
            .define(CONTROLLED_SHUTDOWN_MAX_RETRIES, ConfigType.INT, 3, atLeast(1), "Controlled shutdown attempts before stopping anyway", false)
            .define(CONTROLLED_SHUTDOWN_RETRY_BACKOFF_MS, ConfigType.LONG, 5000L, atLeast(0), "Pause between controlled shutdown attempts", false)
            .define(UNCLEAN_LEADER_ELECTION_ENABLE, ConfigType.BOOLEAN, false, "Allow out-of-sync replicas to lead")
            .define(AUTO_LEADER_REBALANCE_ENABLE, ConfigType.BOOLEAN, true, "Move leadership back to preferred replicas when brokers are imbalanced")
            .define(LEADER_IMBALANCE_CHECK_INTERVAL_SECONDS, ConfigType.LONG, 300L, atLeast(1), "How often the controller checks leader balance", false)
            .define(LEADER_IMBALANCE_PER_BROKER_PERCENTAGE, ConfigType.INT, 10, between(0, 100),
                    "Share of a broker's preferred partitions led elsewhere that triggers a rebalance, percent", false)
            .define(REPLICA_LAG_TIME_MAX_MS, ConfigType.LONG, 30000L, atLeast(1), "A follower that has not caught up for this long leaves the ISR", false)
            .define(MAX_INCREMENTAL_FETCH_SESSION_CACHE_SLOTS, ConfigType.INT, 1000, atLeast(0), "Fetch sessions the broker keeps", false)
            .define(NUM_REPLICA_FETCHERS, ConfigType.INT, 1, atLeast(1), "Fetcher threads per leader a follower fetches from", false)
            .define(REPLICA_FETCH_MAX_BYTES, ConfigType.INT, 1048576, atLeast(0), "Bytes a follower asks for per partition", false)
            .define(REPLICA_FETCH_RESPONSE_MAX_BYTES, ConfigType.INT, 10485760, atLeast(0), "Bytes a follower asks for per fetch", false)
            .define(REPLICA_FETCH_MIN_BYTES, ConfigType.INT, 1, atLeast(1), "Bytes a follower's fetch waits for", false)
            .define(REPLICA_FETCH_WAIT_MAX_MS, ConfigType.INT, 500, atLeast(0), "How long a follower's fetch may wait for data", false)
            .define(REPLICA_FETCH_BACKOFF_MS, ConfigType.INT, 1000, atLeast(0), "A follower's pause after a failed fetch", false)
            .define(REPLICA_SOCKET_TIMEOUT_MS, ConfigType.INT, 30000, atLeast(1), "Socket timeout of a follower's connection to its leader", false)
            .define(LOG_SEGMENT_BYTES, ConfigType.INT, 1073741824, atLeast(14), "Segment size before rolling", true)
            .define(LOG_ROLL_HOURS, ConfigType.INT, 168, atLeast(1), "Segment age before rolling, hours", false)
            .define(LOG_ROLL_MS, ConfigType.LONG, null, null, "Segment age before rolling; overrides log.roll.hours", true)
            .define(LOG_RETENTION_HOURS, ConfigType.INT, 168, "Retention time, hours")
            .define(LOG_RETENTION_MINUTES, ConfigType.INT, null, "Retention time, minutes; overrides hours")
            .define(LOG_RETENTION_MS, ConfigType.LONG, null, "Retention time; overrides minutes and hours; -1 keeps forever")
            .define(LOG_RETENTION_BYTES, ConfigType.LONG, -1L, "Retention size per partition; -1 is unlimited")
            .define(LOG_RETENTION_CHECK_INTERVAL_MS, ConfigType.LONG, 300000L, atLeast(1), "How often retention runs", false)
            .define(LOG_INDEX_INTERVAL_BYTES, ConfigType.INT, 4096, atLeast(0), "Bytes between offset index entries", true)
            .define(LOG_INDEX_SIZE_MAX_BYTES, ConfigType.INT, 10485760, atLeast(4), "Index file size", true)
            .define(LOG_FLUSH_INTERVAL_MESSAGES, ConfigType.LONG, Long.MAX_VALUE, atLeast(1), "Messages between forced fsyncs", true)
            .define(LOG_FLUSH_INTERVAL_MS, ConfigType.LONG, null, null, "Time between forced fsyncs", true)
            .define(LOG_FLUSH_OFFSET_CHECKPOINT_INTERVAL_MS, ConfigType.INT, 60000, atLeast(0), "How often the recovery point is checkpointed", false)
            .define(LOG_CLEANUP_POLICY, ConfigType.LIST, "delete", oneOf("delete", "compact"), "delete and/or compact", true)
            .define(LOG_MESSAGE_TIMESTAMP_TYPE, ConfigType.STRING, "CreateTime", oneOf("CreateTime", "LogAppendTime"), "Which timestamp batches keep", true)
            .define(LOG_SEGMENT_DELETE_DELAY_MS, ConfigType.LONG, 60000L, atLeast(0), "Delay before a deleted segment's files go", true)
            .define(NUM_RECOVERY_THREADS_PER_DATA_DIR, ConfigType.INT, 1, atLeast(1), "Threads recovering logs at startup", false)
            .define(OFFSETS_TOPIC_REPLICATION_FACTOR, ConfigType.SHORT, (short) 3, atLeast(1), "Replication factor of __consumer_offsets", false)
            .define(OFFSETS_TOPIC_NUM_PARTITIONS, ConfigType.INT, 50, atLeast(1), "Partitions of __consumer_offsets", false)
            .define(TRANSACTION_STATE_LOG_REPLICATION_FACTOR, ConfigType.SHORT, (short) 3, atLeast(1), "Replication factor of __transaction_state", false)
            .define(TRANSACTION_STATE_LOG_MIN_ISR, ConfigType.INT, 2, atLeast(1), "min.insync.replicas of __transaction_state", false)
            .define(GROUP_INITIAL_REBALANCE_DELAY_MS, ConfigType.INT, 3000, atLeast(0), "Delay of a new group's first rebalance", false)
            .define(GROUP_MIN_SESSION_TIMEOUT_MS, ConfigType.INT, 6000, atLeast(0), "Shortest session timeout a group member may ask for", false)
            .define(GROUP_MAX_SESSION_TIMEOUT_MS, ConfigType.INT, 1800000, atLeast(0), "Longest session timeout a group member may ask for", false)
            .define(GROUP_MAX_SIZE, ConfigType.INT, Integer.MAX_VALUE, atLeast(1), "Most members a group may have", false)
            .define(OFFSET_METADATA_MAX_BYTES, ConfigType.INT, 4096, atLeast(0), "Longest metadata string stored with a committed offset", false)
            .define(OFFSETS_RETENTION_MINUTES, ConfigType.INT, 10080, atLeast(1), "Offsets of a group empty this long are deleted", false)
            .define(OFFSETS_RETENTION_CHECK_INTERVAL_MS, ConfigType.LONG, 600000L, atLeast(1), "How often offsets are checked for expiry", false)
            .define(OFFSETS_TOPIC_SEGMENT_BYTES, ConfigType.INT, 104857600, atLeast(1), "segment.bytes of __consumer_offsets", false)
            .define(OFFSETS_LOAD_BUFFER_SIZE, ConfigType.INT, 5242880, atLeast(1), "Bytes read at a time when loading __consumer_offsets", false)
            .define(OFFSETS_COMMIT_TIMEOUT_MS, ConfigType.INT, 5000, atLeast(1),
                    "Longest an offset commit waits for the replicas of __consumer_offsets", false)
            .define(COMPRESSION_TYPE, ConfigType.STRING, "producer", oneOf("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"), "Compression of stored batches", true)
            // Topic-default synonyms, validated like their topic keys.
            .define(COMPRESSION_GZIP_LEVEL, ConfigType.INT, CompressionType.GZIP.defaultLevel(), LogConfigValidators.compressionLevel(CompressionType.GZIP), "Default compression.gzip.level for batches the broker compresses", true)
            .define(COMPRESSION_LZ4_LEVEL, ConfigType.INT, CompressionType.LZ4.defaultLevel(), LogConfigValidators.compressionLevel(CompressionType.LZ4), "Default compression.lz4.level for batches the broker compresses", true)
            .define(COMPRESSION_ZSTD_LEVEL, ConfigType.INT, CompressionType.ZSTD.defaultLevel(), LogConfigValidators.compressionLevel(CompressionType.ZSTD), "Default compression.zstd.level for batches the broker compresses", true)
            .define(LOG_MESSAGE_FORMAT_VERSION, ConfigType.STRING, LogConfig.DEFAULT_MESSAGE_FORMAT_VERSION, LogConfigValidators.messageFormatVersion(), "Deprecated default message.format.version (accepted and ignored)", false)
            .define(LOG_LOCAL_RETENTION_MS, ConfigType.LONG, LogConfig.LOCAL_RETENTION_AS_RETENTION, atLeast(-2), "Default local.retention.ms under tiered storage (accepted; Samsa has none)", true)
            .define(LOG_LOCAL_RETENTION_BYTES, ConfigType.LONG, LogConfig.LOCAL_RETENTION_AS_RETENTION, atLeast(-2), "Default local.retention.bytes under tiered storage (accepted; Samsa has none)", true)
            .define(LOG_CLEANER_ENABLE, ConfigType.BOOLEAN, true, null, "Run the log cleaner that compacts cleanup.policy=compact topics", false)
            .define(LOG_CLEANER_THREADS, ConfigType.INT, 1, atLeast(1), "Log cleaner threads", false)
            .define(LOG_CLEANER_DEDUPE_BUFFER_SIZE, ConfigType.LONG, 134217728L, atLeast(1024 * 1024), "Memory for the cleaners' key maps, shared by the threads", false)
            .define(LOG_CLEANER_IO_BUFFER_SIZE, ConfigType.INT, 524288, atLeast(1024), "Read and write buffer size of each cleaner thread", false)
            .define(LOG_CLEANER_IO_BUFFER_LOAD_FACTOR, ConfigType.DOUBLE, 0.9, null, "How full a cleaner key map may get", false)
            .define(LOG_CLEANER_IO_MAX_BYTES_PER_SECOND, ConfigType.DOUBLE, Double.MAX_VALUE, null, "Cleaner I/O limit (accepted; not enforced)", false)
            .define(LOG_CLEANER_BACKOFF_MS, ConfigType.LONG, 15000L, atLeast(0), "Cleaner sleep when no log needs cleaning", false)
            .define(LOG_CLEANER_DELETE_RETENTION_MS, ConfigType.LONG, 86400000L, atLeast(0), "Default delete.retention.ms: how long tombstones survive compaction", true)
            .define(LOG_CLEANER_MIN_CLEANABLE_RATIO, ConfigType.DOUBLE, 0.5, between(0, 1), "Default min.cleanable.dirty.ratio", true)
            .define(LOG_CLEANER_MIN_COMPACTION_LAG_MS, ConfigType.LONG, 0L, atLeast(0), "Default min.compaction.lag.ms", true)
            .define(LOG_CLEANER_MAX_COMPACTION_LAG_MS, ConfigType.LONG, Long.MAX_VALUE, atLeast(1), "Default max.compaction.lag.ms", true)
            .define(PRODUCER_ID_EXPIRATION_MS, ConfigType.LONG, 86400000L, atLeast(1), "Idempotent producer state is forgotten after this long without writes", true)
            .define(PRODUCER_ID_EXPIRATION_CHECK_INTERVAL_MS, ConfigType.LONG, 600000L, atLeast(1), "How often expired producer state is removed", false)
            .define(TRANSACTIONAL_ID_EXPIRATION_MS, ConfigType.LONG, 604800000L, atLeast(1), "Transactional ids expire after this long without use", true)
            .define(METRICS_HTTP_LISTENER, ConfigType.STRING, null, BrokerConfig::validateMetricsHttpListener,
                    "http://HOST:PORT serving Prometheus metrics at /metrics and health at /health/live and /health/ready; off when unset", false);

    private final List<EndPoint> listeners;
    private final List<EndPoint> advertisedListeners;
    private final List<String> logDirs;

    public BrokerConfig(Map<String, ?> props) {
        super(DEF, props);
        Map<String, String> protocolMap = new HashMap<>();
        for (String pair : getList(LISTENER_SECURITY_PROTOCOL_MAP)) {
            int c = pair.indexOf(':');
            if (c <= 0) {
                throw new ConfigException(LISTENER_SECURITY_PROTOCOL_MAP, pair, "expected NAME:PROTOCOL");
            }
            protocolMap.put(pair.substring(0, c).trim().toUpperCase(), pair.substring(c + 1).trim().toUpperCase());
        }
        EndPoint.DEFAULT_SECURITY_PROTOCOL_MAP.forEach(protocolMap::putIfAbsent);
        this.listeners = parseEndPoints(LISTENERS, getList(LISTENERS), protocolMap);
        List<String> advertised = getList(ADVERTISED_LISTENERS);
        List<EndPoint> published = advertised == null || advertised.isEmpty()
                ? listeners : parseEndPoints(ADVERTISED_LISTENERS, advertised, protocolMap);
        this.advertisedListeners = published.stream()
                .map(e -> e.host() == null || e.host().isEmpty() ? new EndPoint(e.listenerName(), localHostName(), e.port(), e.securityProtocol()) : e)
                .toList();
        List<String> dirs = getList(LOG_DIRS);
        this.logDirs = dirs == null || dirs.isEmpty() ? List.of(getString(LOG_DIR)) : dirs;
        String ibl = getString(INTER_BROKER_LISTENER_NAME);
        if (ibl != null && advertisedListeners.stream().noneMatch(e -> e.listenerName().equalsIgnoreCase(ibl))) {
            throw new ConfigException(INTER_BROKER_LISTENER_NAME, ibl, "must name one of the advertised listeners");
        }
    }

    private static void validateMetricsHttpListener(String key, Object value) {
        String url = value.toString();
        if (!url.isBlank()) {
            try {
                MetricsHttpListener.parse(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, url, e.getMessage());
            }
        }
    }

    /** Where to serve metrics over HTTP, if anywhere. */
    public Optional<MetricsHttpListener> metricsHttpListener() {
        String url = getString(METRICS_HTTP_LISTENER);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(MetricsHttpListener.parse(url));
    }

    private static List<EndPoint> parseEndPoints(String key, List<String> entries, Map<String, String> protocolMap) {
        List<EndPoint> out = new ArrayList<>();
        for (String entry : entries) {
            EndPoint e;
            try {
                e = EndPoint.parse(entry, protocolMap);
            } catch (RuntimeException ex) {
                throw new ConfigException(key, entry, ex.getMessage());
            }
            if (!e.securityProtocol().equals("PLAINTEXT")) {
                throw new ConfigException(key, entry, "security protocol " + e.securityProtocol() + " is not supported (only PLAINTEXT)");
            }
            if (e.port() < 0 || e.port() > 65535) {
                throw new ConfigException(key, entry, "port out of range");
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    /** Kafka advertises the canonical host name for a listener bound to all interfaces. */
    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getCanonicalHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    public int brokerId() {
        return getInt(BROKER_ID);
    }

    public List<EndPoint> listeners() {
        return listeners;
    }

    public List<EndPoint> advertisedListeners() {
        return advertisedListeners;
    }

    public EndPoint interBrokerEndPoint() {
        String name = getString(INTER_BROKER_LISTENER_NAME);
        if (name == null) {
            return advertisedListeners.get(0);
        }
        return advertisedListeners.stream().filter(e -> e.listenerName().equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    public List<String> logDirs() {
        return logDirs;
    }

    public String zkConnect() {
        return getString(ZOOKEEPER_CONNECT);
    }

    public int zkSessionTimeoutMs() {
        return getInt(ZOOKEEPER_SESSION_TIMEOUT_MS);
    }

    public int zkConnectionTimeoutMs() {
        Object v = values().get(ZOOKEEPER_CONNECTION_TIMEOUT_MS);
        return v == null ? zkSessionTimeoutMs() : ((Number) v).intValue();
    }

    /** log.retention.ms, falling back to minutes and hours as Kafka does. */
    public long logRetentionMs() {
        Object ms = values().get(LOG_RETENTION_MS);
        if (ms != null) {
            return ((Number) ms).longValue();
        }
        Object minutes = values().get(LOG_RETENTION_MINUTES);
        if (minutes != null) {
            return ((Number) minutes).longValue() * 60_000L;
        }
        return getInt(LOG_RETENTION_HOURS) * 3_600_000L;
    }

    public long logRollMs() {
        Object ms = values().get(LOG_ROLL_MS);
        return ms != null ? ((Number) ms).longValue() : getInt(LOG_ROLL_HOURS) * 3_600_000L;
    }

    /** The group coordinator's settings from their broker keys. */
    /** The replication settings (Kafka's {@code replica.*} keys). */
    public ReplicationConfig replicationConfig() {
        return new ReplicationConfig(getLong(REPLICA_LAG_TIME_MAX_MS), getInt(NUM_REPLICA_FETCHERS), getInt(REPLICA_FETCH_MAX_BYTES),
                getInt(REPLICA_FETCH_RESPONSE_MAX_BYTES), getInt(REPLICA_FETCH_MIN_BYTES), getInt(REPLICA_FETCH_WAIT_MAX_MS),
                getInt(REPLICA_FETCH_BACKOFF_MS), getInt(REPLICA_SOCKET_TIMEOUT_MS));
    }

    public GroupConfig groupConfig() {
        return new GroupConfig(getInt(GROUP_MIN_SESSION_TIMEOUT_MS), getInt(GROUP_MAX_SESSION_TIMEOUT_MS), getInt(GROUP_MAX_SIZE),
                getInt(GROUP_INITIAL_REBALANCE_DELAY_MS), getInt(OFFSET_METADATA_MAX_BYTES), getInt(OFFSETS_RETENTION_MINUTES) * 60_000L,
                getLong(OFFSETS_RETENTION_CHECK_INTERVAL_MS), getInt(OFFSETS_LOAD_BUFFER_SIZE));
    }
}
