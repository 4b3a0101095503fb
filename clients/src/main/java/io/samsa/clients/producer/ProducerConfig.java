package io.samsa.clients.producer;

import io.samsa.clients.CommonClientConfigs;
import io.samsa.clients.internals.ClientConfigs;
import io.samsa.clients.internals.ClientIds;
import io.samsa.common.config.AbstractConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.config.ConfigType;
import io.samsa.common.serialization.Serializer;
import io.samsa.record.CompressionType;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's configuration: Kafka 3.9's keys and defaults (see the constants), checked when
 * constructed. A bad value throws a {@link ConfigException} naming its key; keys the producer
 * does not know are logged in one warning and otherwise ignored. Applies Kafka's idempotence
 * rules: idempotence (on by default) needs {@code acks=all}, {@code retries > 0} and at most 5
 * requests in flight; when the user asked for idempotence explicitly a conflicting setting is an
 * error, otherwise idempotence is quietly turned off. Transactions are not supported, so
 * {@code transactional.id} is refused. Immutable; thread-safe.
 */
public final class ProducerConfig extends AbstractConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerConfig.class);
    /** The idempotent producer keeps per-partition order with at most this many requests in flight. */
    private static final int MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;
    /** Read by the built-in serializers, so not worth a warning. */
    private static final Set<String> SERIALIZER_KEYS = Set.of("serializer.encoding", "key.serializer.encoding",
            "value.serializer.encoding");

    /** See {@link CommonClientConfigs#BOOTSTRAP_SERVERS_CONFIG}. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /** See {@link CommonClientConfigs#CLIENT_DNS_LOOKUP_CONFIG}. */
    public static final String CLIENT_DNS_LOOKUP_CONFIG = CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG;
    /** See {@link CommonClientConfigs#CLIENT_ID_CONFIG}. */
    public static final String CLIENT_ID_CONFIG = CommonClientConfigs.CLIENT_ID_CONFIG;
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
    /** See {@link CommonClientConfigs#RETRIES_CONFIG}. */
    public static final String RETRIES_CONFIG = CommonClientConfigs.RETRIES_CONFIG;

    /** The serializer of keys: a {@link Serializer} class or class name. Required unless given to the constructor. */
    public static final String KEY_SERIALIZER_CLASS_CONFIG = "key.serializer";
    /** The serializer of values: a {@link Serializer} class or class name. Required unless given to the constructor. */
    public static final String VALUE_SERIALIZER_CLASS_CONFIG = "value.serializer";
    /** Acknowledgements to wait for: {@code 0} none, {@code 1} the leader's, {@code all} (or -1) every in-sync replica's. */
    public static final String ACKS_CONFIG = "acks";
    /** The most bytes of records batched together per partition. */
    public static final String BATCH_SIZE_CONFIG = "batch.size";
    /** How long to wait for more records before sending a batch that is not full. */
    public static final String LINGER_MS_CONFIG = "linger.ms";
    /** Bytes of memory for records waiting to be sent. */
    public static final String BUFFER_MEMORY_CONFIG = "buffer.memory";
    /** The longest {@code send} and {@code partitionsFor} block for metadata or buffer space. */
    public static final String MAX_BLOCK_MS_CONFIG = "max.block.ms";
    /** The longest time from {@code send} to success or failure, retries included. */
    public static final String DELIVERY_TIMEOUT_MS_CONFIG = "delivery.timeout.ms";
    /** Unacknowledged requests allowed per connection. */
    public static final String MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION = "max.in.flight.requests.per.connection";
    /** Whether each record is written exactly once per partition despite retries. */
    public static final String ENABLE_IDEMPOTENCE_CONFIG = "enable.idempotence";
    /** The codec of batches: none, gzip, snappy, lz4 or zstd. */
    public static final String COMPRESSION_TYPE_CONFIG = "compression.type";
    /** The gzip level. */
    public static final String COMPRESSION_GZIP_LEVEL_CONFIG = "compression.gzip.level";
    /** The lz4 level. */
    public static final String COMPRESSION_LZ4_LEVEL_CONFIG = "compression.lz4.level";
    /** The zstd level. */
    public static final String COMPRESSION_ZSTD_LEVEL_CONFIG = "compression.zstd.level";
    /** The largest produce request, and so the largest record, in bytes. */
    public static final String MAX_REQUEST_SIZE_CONFIG = "max.request.size";
    /** A {@link Partitioner} class to choose partitions instead of the built-in rule. */
    public static final String PARTITIONER_CLASS_CONFIG = "partitioner.class";
    /** Whether the built-in rule ignores keys and spreads every record like a keyless one. */
    public static final String PARTITIONER_IGNORE_KEYS_CONFIG = "partitioner.ignore.keys";
    /** Whether keyless records favour partitions whose leaders keep up. */
    public static final String PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG = "partitioner.adaptive.partitioning.enable";
    /** Partitions whose leader has not been able to take batches for this long are avoided (0: never). */
    public static final String PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG = "partitioner.availability.timeout.ms";
    /** Metadata of a topic not produced to for this long is dropped. */
    public static final String METADATA_MAX_IDLE_CONFIG = "metadata.max.idle.ms";
    /** Kafka's transactional id; transactions are not supported, so setting it is an error. */
    public static final String TRANSACTIONAL_ID_CONFIG = "transactional.id";

    private static final ConfigDef CONFIG = ClientConfigs.defineMetricsReporting(ClientConfigs.defineCommon(new ConfigDef(), 32 * 1024, 9 * 60 * 1000L))
            .define(KEY_SERIALIZER_CLASS_CONFIG, ConfigType.CLASS, ConfigDef.NO_DEFAULT, "Serializer of keys")
            .define(VALUE_SERIALIZER_CLASS_CONFIG, ConfigType.CLASS, ConfigDef.NO_DEFAULT, "Serializer of values")
            .define(ACKS_CONFIG, ConfigType.STRING, "all", ConfigDef.oneOf("all", "-1", "0", "1"),
                    "Acknowledgements to wait for: 0, 1 or all (-1)", false)
            .define(BATCH_SIZE_CONFIG, ConfigType.INT, 16384, ConfigDef.atLeast(0), "Most bytes per batch", false)
            .define(LINGER_MS_CONFIG, ConfigType.LONG, 0L, ConfigDef.atLeast(0), "Wait for more records", false)
            .define(BUFFER_MEMORY_CONFIG, ConfigType.LONG, 32 * 1024 * 1024L, ConfigDef.atLeast(0),
                    "Memory for unsent records", false)
            .define(MAX_BLOCK_MS_CONFIG, ConfigType.LONG, 60_000L, ConfigDef.atLeast(0), "Longest block in send", false)
            .define(DELIVERY_TIMEOUT_MS_CONFIG, ConfigType.INT, 120_000, ConfigDef.atLeast(0),
                    "Longest time to success or failure", false)
            .define(RETRIES_CONFIG, ConfigType.INT, Integer.MAX_VALUE, ConfigDef.between(0, Integer.MAX_VALUE),
                    "Retries of a failed produce request", false)
            .define(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, ConfigType.INT, 5, ConfigDef.atLeast(1),
                    "Unacknowledged requests per connection", false)
            .define(ENABLE_IDEMPOTENCE_CONFIG, ConfigType.BOOLEAN, true, "Write each record once")
            .define(COMPRESSION_TYPE_CONFIG, ConfigType.STRING, "none",
                    ConfigDef.oneOf("none", "gzip", "snappy", "lz4", "zstd"), "Codec of batches", false)
            .define(COMPRESSION_GZIP_LEVEL_CONFIG, ConfigType.INT, CompressionType.GZIP.defaultLevel(),
                    level(CompressionType.GZIP), "gzip level", false)
            .define(COMPRESSION_LZ4_LEVEL_CONFIG, ConfigType.INT, CompressionType.LZ4.defaultLevel(),
                    level(CompressionType.LZ4), "lz4 level", false)
            .define(COMPRESSION_ZSTD_LEVEL_CONFIG, ConfigType.INT, CompressionType.ZSTD.defaultLevel(),
                    level(CompressionType.ZSTD), "zstd level", false)
            .define(MAX_REQUEST_SIZE_CONFIG, ConfigType.INT, 1024 * 1024, ConfigDef.atLeast(0),
                    "Largest produce request", false)
            .define(PARTITIONER_CLASS_CONFIG, ConfigType.CLASS, null, "Custom partitioner")
            .define(PARTITIONER_IGNORE_KEYS_CONFIG, ConfigType.BOOLEAN, false, "Spread keyed records too")
            .define(PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG, ConfigType.BOOLEAN, true,
                    "Favour partitions that keep up")
            .define(PARTITIONER_AVAILABILITY_TIMEOUT_MS_CONFIG, ConfigType.LONG, 0L, ConfigDef.atLeast(0),
                    "Avoid partitions whose leader is this slow", false)
            .define(METADATA_MAX_IDLE_CONFIG, ConfigType.LONG, 5 * 60 * 1000L, ConfigDef.atLeast(5000),
                    "Forget metadata of idle topics", false)
            .define(TRANSACTIONAL_ID_CONFIG, ConfigType.STRING, null, "Not supported");

    /** The configuration in {@code props}. */
    public ProducerConfig(Properties props) {
        this(ClientConfigs.toMap(props));
    }

    /** The configuration in {@code props}; entries with null values count as unset. */
    public ProducerConfig(Map<String, ?> props) {
        super(CONFIG, ClientConfigs.toMap(props));
        ClientConfigs.warnUnknownKeys(LOG, "producer", this, SERIALIZER_KEYS);
        if (isSet(TRANSACTIONAL_ID_CONFIG)) {
            throw new ConfigException(TRANSACTIONAL_ID_CONFIG, getString(TRANSACTIONAL_ID_CONFIG),
                    "transactions are not supported by Samsa's producer");
        }
        Long reconnectMax = ClientConfigs.reconnectBackoffMaxOverride(this);
        if (reconnectMax != null) {
            override(RECONNECT_BACKOFF_MAX_MS_CONFIG, reconnectMax);
        }
        override(ACKS_CONFIG, "all".equalsIgnoreCase(getString(ACKS_CONFIG)) ? "-1" : getString(ACKS_CONFIG));
        applyIdempotenceRules();
        if (!isSet(CLIENT_ID_CONFIG)) {
            override(CLIENT_ID_CONFIG, ClientIds.producer());
        }
    }

    /** Kafka 3.9's rules (its {@code postProcessAndValidateIdempotenceConfigs}). */
    private void applyIdempotenceRules() {
        if (!getBoolean(ENABLE_IDEMPOTENCE_CONFIG)) {
            return;
        }
        boolean explicit = isSet(ENABLE_IDEMPOTENCE_CONFIG);
        String conflict = null;
        String why = null;
        if (getInt(RETRIES_CONFIG) == 0) {
            conflict = RETRIES_CONFIG;
            why = "must be greater than 0 for the idempotent producer";
        } else if (!"-1".equals(getString(ACKS_CONFIG))) {
            conflict = ACKS_CONFIG;
            why = "must be all (-1) for the idempotent producer";
        } else if (getInt(MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION) > MAX_IN_FLIGHT_FOR_IDEMPOTENCE) {
            conflict = MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION;
            why = "must be at most " + MAX_IN_FLIGHT_FOR_IDEMPOTENCE + " for the idempotent producer";
        }
        if (conflict == null) {
            return;
        }
        if (explicit) {
            throw new ConfigException(conflict, originals().get(conflict), why + " (" + ENABLE_IDEMPOTENCE_CONFIG
                    + "=true was set)");
        }
        LOG.info("Idempotence is turned off because {} is {}", conflict, originals().get(conflict));
        override(ENABLE_IDEMPOTENCE_CONFIG, false);
    }

    /** The definition of every key, for documentation and tests. */
    public static ConfigDef configDef() {
        return CONFIG;
    }

    /**
     * The configuration with the classes of serializers given to the producer's constructor in
     * place of {@code key.serializer} and {@code value.serializer} (a null serializer keeps the
     * configured class), so that the configuration checks see every serializer.
     */
    public static Map<String, Object> appendSerializers(Map<String, ?> configs, Serializer<?> keySerializer,
                                                        Serializer<?> valueSerializer) {
        return ClientConfigs.withInstanceClasses(configs, KEY_SERIALIZER_CLASS_CONFIG, keySerializer, VALUE_SERIALIZER_CLASS_CONFIG,
                valueSerializer);
    }

    /**
     * A new instance of {@code key.serializer}, configured with this configuration's properties.
     * The caller asserts its type: the class is only known to be some {@link Serializer}.
     */
    @SuppressWarnings("unchecked")
    public <T> Serializer<T> newKeySerializer() {
        return (Serializer<T>) newSerializer(KEY_SERIALIZER_CLASS_CONFIG, true);
    }

    /** As {@link #newKeySerializer()}, for {@code value.serializer}. */
    @SuppressWarnings("unchecked")
    public <T> Serializer<T> newValueSerializer() {
        return (Serializer<T>) newSerializer(VALUE_SERIALIZER_CLASS_CONFIG, false);
    }

    private Serializer<?> newSerializer(String key, boolean isKey) {
        Serializer<?> serializer = getConfiguredInstance(key, Serializer.class);
        serializer.configure(ClientConfigs.pluginProperties(this), isKey);
        return serializer;
    }

    private static BiConsumer<String, Object> level(CompressionType type) {
        return (key, v) -> {
            if (!type.isValidLevel(((Number) v).intValue())) {
                throw new ConfigException(key, v, "must be between " + type.minLevel() + " and " + type.maxLevel()
                        + " (or " + type.defaultLevel() + ")");
            }
        };
    }
}
