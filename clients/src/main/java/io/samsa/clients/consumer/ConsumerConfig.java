package io.samsa.clients.consumer;

import io.samsa.clients.CommonClientConfigs;
import io.samsa.clients.consumer.internals.AssignmentStrategies;
import io.samsa.clients.internals.ClientConfigs;
import io.samsa.clients.internals.ClientIds;
import io.samsa.common.config.AbstractConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.config.ConfigType;
import io.samsa.common.serialization.Deserializer;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's configuration: Kafka 3.9's keys and defaults (see the constants), checked when
 * constructed. A bad value throws a {@link ConfigException} naming its key; keys the consumer
 * does not know are logged in one warning and otherwise ignored. Only the classic group protocol
 * is supported. Without a {@code group.id}, auto-commit is off (and may not be turned on).
 * {@code partition.assignment.strategy} is kept as a list of names (see
 * {@link AssignmentStrategies}); the consumer makes the assignors. Immutable; thread-safe.
 */
public final class ConsumerConfig extends AbstractConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerConfig.class);
    /** Read by the built-in deserializers, so not worth a warning. */
    private static final Set<String> DESERIALIZER_KEYS = Set.of("deserializer.encoding", "key.deserializer.encoding",
            "value.deserializer.encoding");
    /** Kafka's rule for static member ids: what a topic name may hold. */
    private static final Pattern INSTANCE_ID = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** See {@link CommonClientConfigs#BOOTSTRAP_SERVERS_CONFIG}. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** See {@link CommonClientConfigs#CLIENT_DNS_LOOKUP_CONFIG}. */
    public static final String CLIENT_DNS_LOOKUP_CONFIG = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;
    /** See {@link CommonClientConfigs#CLIENT_ID_CONFIG}. */
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
    /** See {@link CommonClientConfigs#CLIENT_RACK_CONFIG}. */
    public static final String CLIENT_RACK_CONFIG = CommonClientConfigs.CLIENT_RACK_CONFIG;
    /** See {@link CommonClientConfigs#METADATA_MAX_AGE_CONFIG}. */
    public static final String METADATA_MAX_AGE_CONFIG = CommonClientConfigs.METADATA_MAX_AGE_CONFIG;
    /** See {@link CommonClientConfigs#SEND_BUFFER_CONFIG}. */
    public static final String SEND_BUFFER_CONFIG = CommonClientConfigs.SEND_BUFFER_CONFIG;
    /** See {@link CommonClientConfigs#RECEIVE_BUFFER_CONFIG}. */
    public static final String RECEIVE_BUFFER_CONFIG = CommonClientConfigs.RECEIVE_BUFFER_CONFIG;
    /** See {@link CommonClientConfigs#RECONNECT_BACKOFF_MS_CONFIG}. */
    public static final String RECONNECT_BACKOFF_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG;
    /** See {@link CommonClientConfigs#RECONNECT_BACKOFF_MAX_MS_CONFIG}. */
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG;
    /** See {@link CommonClientConfigs#RETRY_BACKOFF_MS_CONFIG}. */
    public static final String RETRY_BACKOFF_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG;
    /** See {@link CommonClientConfigs#RETRY_BACKOFF_MAX_MS_CONFIG}. */
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG;
    /** See {@link CommonClientConfigs#REQUEST_TIMEOUT_MS_CONFIG}. */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG;
    /** See {@link CommonClientConfigs#SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG}. */
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG;
    /** See {@link CommonClientConfigs#SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG}. */
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG =
            CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG;
    /** See {@link CommonClientConfigs#CONNECTIONS_MAX_IDLE_MS_CONFIG}. */
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG;
    /** See {@link CommonClientConfigs#METRIC_REPORTER_CLASSES_CONFIG}. */
    public static final String METRIC_REPORTER_CLASSES_CONFIG = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    /** See {@link CommonClientConfigs#AUTO_INCLUDE_JMX_REPORTER_CONFIG}. */
    public static final String AUTO_INCLUDE_JMX_REPORTER_CONFIG = CommonClientConfigs.AUTO_INCLUDE_JMX_REPORTER_CONFIG;
    /** See {@link CommonClientConfigs#SECURITY_PROTOCOL_CONFIG}. */
    public static final String SECURITY_PROTOCOL_CONFIG = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG;
    /** See {@link CommonClientConfigs#DEFAULT_API_TIMEOUT_MS_CONFIG}. */
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;
    /** See {@link CommonClientConfigs#GROUP_ID_CONFIG}. */
    public static final String GROUP_ID_CONFIG = CommonClientConfigs.GROUP_ID_CONFIG;
    /** See {@link CommonClientConfigs#GROUP_INSTANCE_ID_CONFIG}. */
    public static final String GROUP_INSTANCE_ID_CONFIG = CommonClientConfigs.GROUP_INSTANCE_ID_CONFIG;
    /** See {@link CommonClientConfigs#SESSION_TIMEOUT_MS_CONFIG}. */
    public static final String SESSION_TIMEOUT_MS_CONFIG = CommonClientConfigs.SESSION_TIMEOUT_MS_CONFIG;
    /** See {@link CommonClientConfigs#HEARTBEAT_INTERVAL_MS_CONFIG}. */
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = CommonClientConfigs.HEARTBEAT_INTERVAL_MS_CONFIG;
    /** See {@link CommonClientConfigs#MAX_POLL_INTERVAL_MS_CONFIG}. */
    public static final String MAX_POLL_INTERVAL_MS_CONFIG = CommonClientConfigs.MAX_POLL_INTERVAL_MS_CONFIG;

    /** The deserializer of keys: a {@link Deserializer} class or class name. Required unless given to the constructor. */
    public static final String KEY_DESERIALIZER_CLASS_CONFIG = "key.deserializer";
    /** The deserializer of values: a {@link Deserializer} class or class name. Required unless given to the constructor. */
    public static final String VALUE_DESERIALIZER_CLASS_CONFIG = "value.deserializer";
    /** The strategies the group may use to assign partitions, in order of preference. */
    public static final String PARTITION_ASSIGNMENT_STRATEGY_CONFIG = "partition.assignment.strategy";
    /** Whether the consumer commits its positions in the background. */
    public static final String ENABLE_AUTO_COMMIT_CONFIG = "enable.auto.commit";
    /** How often positions are committed when auto-commit is on. */
    public static final String AUTO_COMMIT_INTERVAL_MS_CONFIG = "auto.commit.interval.ms";
    /** The most bytes fetched from one partition per request. */
    public static final String MAX_PARTITION_FETCH_BYTES_CONFIG = "max.partition.fetch.bytes";
    /** The broker answers a fetch once it has this many bytes (or the wait is over). */
    public static final String FETCH_MIN_BYTES_CONFIG = "fetch.min.bytes";
    /** The most bytes one fetch returns. */
    public static final String FETCH_MAX_BYTES_CONFIG = "fetch.max.bytes";
    /** The longest the broker waits for {@code fetch.min.bytes}. */
    public static final String FETCH_MAX_WAIT_MS_CONFIG = "fetch.max.wait.ms";
    /** Where to start without a committed offset: latest, earliest or none (an error). */
    public static final String AUTO_OFFSET_RESET_CONFIG = "auto.offset.reset";
    /** Whether fetched batches' CRCs are checked. */
    public static final String CHECK_CRCS_CONFIG = "check.crcs";
    /** The most records one poll returns. */
    public static final String MAX_POLL_RECORDS_CONFIG = "max.poll.records";
    /** Whether a pattern subscription leaves out internal topics such as __consumer_offsets. */
    public static final String EXCLUDE_INTERNAL_TOPICS_CONFIG = "exclude.internal.topics";
    /** read_uncommitted or read_committed (the same on Samsa, which has no transactions). */
    public static final String ISOLATION_LEVEL_CONFIG = "isolation.level";
    /** Whether subscribing to a missing topic may create it (when the broker allows). */
    public static final String ALLOW_AUTO_CREATE_TOPICS_CONFIG = "allow.auto.create.topics";
    /** The group protocol: only {@code classic} is supported. */
    public static final String GROUP_PROTOCOL_CONFIG = "group.protocol";
    /** The server-side assignor of the {@code consumer} group protocol; must stay unset. */
    public static final String GROUP_REMOTE_ASSIGNOR_CONFIG = "group.remote.assignor";

    private static final ConfigDef CONFIG = ClientConfigs.defineMetricsReporting(ClientConfigs.defineCommon(new ConfigDef(), 64 * 1024, 9 * 60 * 1000L))
            .define(KEY_DESERIALIZER_CLASS_CONFIG, ConfigType.CLASS, ConfigDef.NO_DEFAULT, "Deserializer of keys")
            .define(VALUE_DESERIALIZER_CLASS_CONFIG, ConfigType.CLASS, ConfigDef.NO_DEFAULT, "Deserializer of values")
            .define(GROUP_ID_CONFIG, ConfigType.STRING, null, "The group to join")
            .define(GROUP_INSTANCE_ID_CONFIG, ConfigType.STRING, null, (key, v) -> {
                if (!INSTANCE_ID.matcher((String) v).matches()) {
                    throw new ConfigException(key, v, "must be 1 to 249 of the characters a-z A-Z 0-9 . _ -");
                }
            }, "Static member id", false)
            .define(SESSION_TIMEOUT_MS_CONFIG, ConfigType.INT, 45_000, "Session timeout of the group member")
            .define(HEARTBEAT_INTERVAL_MS_CONFIG, ConfigType.INT, 3000, "Heartbeat interval")
            .define(PARTITION_ASSIGNMENT_STRATEGY_CONFIG, ConfigType.LIST, AssignmentStrategies.DEFAULT,
                    "Assignment strategies in order of preference")
            .define(ENABLE_AUTO_COMMIT_CONFIG, ConfigType.BOOLEAN, true, "Commit positions in the background")
            .define(AUTO_COMMIT_INTERVAL_MS_CONFIG, ConfigType.INT, 5000, ConfigDef.atLeast(0),
                    "Auto-commit interval", false)
            .define(CLIENT_RACK_CONFIG, ConfigType.STRING, "", "Rack of this consumer")
            .define(MAX_PARTITION_FETCH_BYTES_CONFIG, ConfigType.INT, 1024 * 1024, ConfigDef.atLeast(0),
                    "Most bytes per partition per fetch", false)
            .define(FETCH_MIN_BYTES_CONFIG, ConfigType.INT, 1, ConfigDef.atLeast(0), "Least bytes per fetch", false)
            .define(FETCH_MAX_BYTES_CONFIG, ConfigType.INT, 50 * 1024 * 1024, ConfigDef.atLeast(0),
                    "Most bytes per fetch", false)
            .define(FETCH_MAX_WAIT_MS_CONFIG, ConfigType.INT, 500, ConfigDef.atLeast(0), "Longest fetch wait", false)
            .define(AUTO_OFFSET_RESET_CONFIG, ConfigType.STRING, "latest", ConfigDef.oneOf("latest", "earliest", "none"),
                    "Where to start without a committed offset", false)
            .define(CHECK_CRCS_CONFIG, ConfigType.BOOLEAN, true, "Check CRCs of fetched batches")
            .define(DEFAULT_API_TIMEOUT_MS_CONFIG, ConfigType.INT, 60_000, ConfigDef.atLeast(0),
                    "Timeout of calls without one", false)
            .define(MAX_POLL_RECORDS_CONFIG, ConfigType.INT, 500, ConfigDef.atLeast(1), "Most records per poll", false)
            .define(MAX_POLL_INTERVAL_MS_CONFIG, ConfigType.INT, 300_000, ConfigDef.atLeast(1),
                    "Longest time between polls", false)
            .define(EXCLUDE_INTERNAL_TOPICS_CONFIG, ConfigType.BOOLEAN, true, "Patterns skip internal topics")
            .define(ISOLATION_LEVEL_CONFIG, ConfigType.STRING, "read_uncommitted",
                    ConfigDef.oneOf("read_committed", "read_uncommitted"), "Which records to read", false)
            .define(ALLOW_AUTO_CREATE_TOPICS_CONFIG, ConfigType.BOOLEAN, true, "Subscribing may create topics")
            .define(GROUP_PROTOCOL_CONFIG, ConfigType.STRING, "classic", (key, v) -> {
                if (!"classic".equalsIgnoreCase((String) v)) {
                    throw new ConfigException(key, v, "only the classic group protocol is supported");
                }
            }, "Group protocol", false)
            .define(GROUP_REMOTE_ASSIGNOR_CONFIG, ConfigType.STRING, null, "Not supported");

    /** The configuration in {@code props}. */
    public ConsumerConfig(Properties props) {
        this(ClientConfigs.toMap(props));
    }

    /** The configuration in {@code props}; entries with null values count as unset. */
    public ConsumerConfig(Map<String, ?> props) {
        super(CONFIG, ClientConfigs.toMap(props));
        ClientConfigs.warnUnknownKeys(LOG, "consumer", this, DESERIALIZER_KEYS);
        String remoteAssignor = getString(GROUP_REMOTE_ASSIGNOR_CONFIG);
        if (remoteAssignor != null && !remoteAssignor.isEmpty()) {
            throw new ConfigException(GROUP_REMOTE_ASSIGNOR_CONFIG, remoteAssignor,
                    "only applies to the consumer group protocol, which is not supported");
        }
        override(PARTITION_ASSIGNMENT_STRATEGY_CONFIG, AssignmentStrategies.normalize(PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                getList(PARTITION_ASSIGNMENT_STRATEGY_CONFIG)));
        Long reconnectMax = ClientConfigs.reconnectBackoffMaxOverride(this);
        if (reconnectMax != null) {
            override(RECONNECT_BACKOFF_MAX_MS_CONFIG, reconnectMax);
        }
        String groupId = getString(GROUP_ID_CONFIG);
        if (groupId == null) {
            if (!isSet(ENABLE_AUTO_COMMIT_CONFIG)) {
                override(ENABLE_AUTO_COMMIT_CONFIG, false);
            } else if (getBoolean(ENABLE_AUTO_COMMIT_CONFIG)) {
                throw new ConfigException(ENABLE_AUTO_COMMIT_CONFIG, true, "cannot be true without a " + GROUP_ID_CONFIG);
            }
        } else if (getInt(HEARTBEAT_INTERVAL_MS_CONFIG) >= getInt(SESSION_TIMEOUT_MS_CONFIG)) {
            throw new ConfigException(HEARTBEAT_INTERVAL_MS_CONFIG, getInt(HEARTBEAT_INTERVAL_MS_CONFIG),
                    "must be lower than " + SESSION_TIMEOUT_MS_CONFIG + " (" + getInt(SESSION_TIMEOUT_MS_CONFIG) + ")");
        }
        String clientId = getString(CLIENT_ID_CONFIG);
        if (clientId == null || clientId.isEmpty()) {
            override(CLIENT_ID_CONFIG, ClientIds.consumer(groupId, getString(GROUP_INSTANCE_ID_CONFIG)));
        }
    }

    /** The definition of every key, for documentation and tests. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    /**
     * The configuration with the classes of deserializers given to the consumer's constructor in
     * place of {@code key.deserializer} and {@code value.deserializer} (a null deserializer keeps
     * the configured class).
     */
    public static Map<String, Object> appendDeserializers(Map<String, ?> configs, Deserializer<?> keyDeserializer,
                                                          Deserializer<?> valueDeserializer) {
        return ClientConfigs.withInstanceClasses(configs, KEY_DESERIALIZER_CLASS_CONFIG, keyDeserializer, VALUE_DESERIALIZER_CLASS_CONFIG,
                valueDeserializer);
    }

    /**
     * A new instance of {@code key.deserializer}, configured with this configuration's properties.
     * The caller asserts its type: the class is only known to be some {@link Deserializer}.
     */
    @SuppressWarnings("unchecked")
    public <T> Deserializer<T> newKeyDeserializer() {
        return (Deserializer<T>) newDeserializer(KEY_DESERIALIZER_CLASS_CONFIG, true);
    }

    /** As {@link #newKeyDeserializer()}, for {@code value.deserializer}. */
    @SuppressWarnings("unchecked")
    public <T> Deserializer<T> newValueDeserializer() {
        return (Deserializer<T>) newDeserializer(VALUE_DESERIALIZER_CLASS_CONFIG, false);
    }

    private Deserializer<?> newDeserializer(String key, boolean isKey) {
        Deserializer<?> deserializer = getConfiguredInstance(key, Deserializer.class);
        deserializer.configure(ClientConfigs.pluginProperties(this), isKey);
        return deserializer;
    }
}
