package io.samsa.clients.internals;

import io.samsa.clients.CommonClientConfigs;
import io.samsa.common.config.AbstractConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.config.ConfigType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;

/**
 * What the three client configurations have in common: the shared keys with their defaults, the
 * conversion of the user's {@code Properties} or {@code Map}, the warning about unknown keys and
 * the reconnect backoff rule. Stateless; thread-safe.
 */
public final class ClientConfigs {

    private ClientConfigs() {
    }

    /**
     * Defines the keys every client has. Kafka's defaults, except that {@code bootstrap.servers} is
     * required here (Kafka's default is an empty list that fails when the client starts) and
     * {@code security.protocol} accepts {@code PLAINTEXT} only.
     *
     * @param receiveBufferBytes the client's {@code receive.buffer.bytes} default
     * @param connectionsMaxIdleMs the client's {@code connections.max.idle.ms} default
     */
    public static ConfigDef defineCommon(ConfigDef def, int receiveBufferBytes, long connectionsMaxIdleMs) {
        return def
                .define(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, ConfigType.LIST, ConfigDef.NO_DEFAULT,
                        ConfigDef.nonEmpty(), "host:port pairs to find the cluster through, comma-separated", false)
                .define(CommonClientConfigs.CLIENT_DNS_LOOKUP_CONFIG, ConfigType.STRING, "use_all_dns_ips",
                        ConfigDef.oneOf("use_all_dns_ips", "resolve_canonical_bootstrap_servers_only"),
                        "How host names are resolved to addresses", false)
                .define(CommonClientConfigs.CLIENT_ID_CONFIG, ConfigType.STRING, "",
                        "This client's name in broker logs and quotas")
                .define(CommonClientConfigs.METADATA_MAX_AGE_CONFIG, ConfigType.LONG, 300_000L, ConfigDef.atLeast(0),
                        "Metadata older than this is refreshed", false)
                .define(CommonClientConfigs.SEND_BUFFER_CONFIG, ConfigType.INT, 128 * 1024, ConfigDef.atLeast(-1),
                        "Socket send buffer in bytes; -1 for the OS default", false)
                .define(CommonClientConfigs.RECEIVE_BUFFER_CONFIG, ConfigType.INT, receiveBufferBytes,
                        ConfigDef.atLeast(-1), "Socket receive buffer in bytes; -1 for the OS default", false)
                .define(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, ConfigType.LONG, 50L, ConfigDef.atLeast(0),
                        "First wait before reconnecting to a broker", false)
                .define(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, ConfigType.LONG, 1000L,
                        ConfigDef.atLeast(0), "Longest wait before reconnecting to a broker", false)
                .define(CommonClientConfigs.RETRY_BACKOFF_MS_CONFIG, ConfigType.LONG, 100L, ConfigDef.atLeast(0),
                        "First wait before retrying a failed request", false)
                .define(CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, ConfigType.LONG, 1000L, ConfigDef.atLeast(0),
                        "Longest wait before retrying a failed request", false)
                .define(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, ConfigType.INT, 30_000, ConfigDef.atLeast(0),
                        "How long to wait for the answer to one request", false)
                .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, ConfigType.LONG, 10_000L,
                        "How long a first connection attempt may take")
                .define(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, ConfigType.LONG, 30_000L,
                        "How long a connection attempt may take after repeated failures")
                .define(CommonClientConfigs.CONNECTIONS_MAX_IDLE_MS_CONFIG, ConfigType.LONG, connectionsMaxIdleMs,
                        "Idle connections are closed after this long")
                .define(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, ConfigType.STRING, "PLAINTEXT",
                        ConfigDef.oneOfIgnoringCase("PLAINTEXT"),
                        "Protocol to speak to brokers; Samsa's clients support PLAINTEXT only", false);
    }

    /** The one {@code metric.reporters} entry Samsa's clients accept: Kafka's JMX reporter. */
    public static final String KAFKA_JMX_REPORTER = "org.apache.kafka.common.metrics.JmxReporter";

    /**
     * Defines {@code metric.reporters} and {@code auto.include.jmx.reporter} with Kafka 3.9's
     * defaults (no reporters; JMX included anyway). Samsa's producer and consumer have no reporter
     * plugins, so {@code metric.reporters} may only name Kafka's JmxReporter; anything else is a
     * configuration error rather than a reporter silently missing.
     */
    public static ConfigDef defineMetricsReporting(ConfigDef def) {
        return def
                .define(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, ConfigType.LIST, java.util.List.of(),
                        (key, v) -> {
                            for (Object each : (java.util.List<?>) v) {
                                String name = each instanceof Class<?> c ? c.getName() : String.valueOf(each).trim();
                                if (!name.equals(KAFKA_JMX_REPORTER)) {
                                    throw new ConfigException(key, v, "Samsa's clients support no metrics reporter plugins; "
                                            + "the only reporter they accept is " + KAFKA_JMX_REPORTER + " (JMX, on by default)");
                                }
                            }
                        }, "Metrics reporters; only Kafka's JmxReporter is accepted", false)
                .define(CommonClientConfigs.AUTO_INCLUDE_JMX_REPORTER_CONFIG, ConfigType.BOOLEAN, true,
                        "Publish metrics in JMX even when metric.reporters does not list the JmxReporter");
    }

    /** Whether the client publishes its metrics in JMX: Kafka 3.9's rule over the two keys. */
    public static boolean jmxEnabled(AbstractConfig config) {
        return config.getBoolean(CommonClientConfigs.AUTO_INCLUDE_JMX_REPORTER_CONFIG)
                || !config.getList(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG).isEmpty();
    }

    /**
     * The user's properties as a map with string keys. Entries with null values are dropped, as if
     * unset.
     *
     * @throws ConfigException if a key is not a string
     */
    public static Map<String, Object> toMap(Map<?, ?> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : props.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new ConfigException("Configuration keys must be strings, not " + e.getKey());
            }
            if (e.getValue() != null) {
                out.put(key, e.getValue());
            }
        }
        return out;
    }

    /** As {@link #toMap(Map)}, for {@link Properties} (including their defaults). */
    public static Map<String, Object> toMap(Properties props) {
        Map<String, Object> out = new LinkedHashMap<>(toMap((Map<?, ?>) props));
        for (String name : props.stringPropertyNames()) {
            out.putIfAbsent(name, props.getProperty(name));
        }
        return out;
    }

    /**
     * Logs one warning naming every supplied key the configuration does not define, except those
     * in {@code alsoKnown} (read by the built-in serializers, for example). They are ignored, not
     * refused: configurations are shared between clients and versions, and a misspelt key is still
     * worth a line in the log.
     */
    public static void warnUnknownKeys(Logger log, String client, AbstractConfig config, Set<String> alsoKnown) {
        Set<String> unknown = new java.util.TreeSet<>(config.undefinedKeys());
        unknown.removeAll(alsoKnown);
        if (!unknown.isEmpty()) {
            log.warn("These configurations were supplied to the {} but are not known to it, so they are ignored: {}",
                    client, unknown);
        }
    }

    /**
     * Kafka's rule: when {@code reconnect.backoff.ms} is set but {@code reconnect.backoff.max.ms} is
     * not, the backoff does not grow; returns the maximum to use instead, or null to keep it.
     */
    public static Long reconnectBackoffMaxOverride(AbstractConfig config) {
        if (config.isSet(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG)
                && !config.isSet(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG)) {
            return config.getLong(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG);
        }
        return null;
    }

    /** The network client's settings from the common keys every client defines. */
    public static NetworkClientSettings networkSettings(AbstractConfig config, int maxInFlight, int requestTimeoutMs) {
        return new NetworkClientSettings(maxInFlight, requestTimeoutMs,
                config.getLong(CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG),
                config.getLong(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG),
                config.getLong(CommonClientConfigs.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG),
                config.getInt(CommonClientConfigs.SEND_BUFFER_CONFIG), config.getInt(CommonClientConfigs.RECEIVE_BUFFER_CONFIG));
    }

    /**
     * {@code configs} with the classes of the (de)serializers handed to a client's constructor in
     * place of the configured ones (a null instance keeps the configured class), so the
     * configuration checks see every (de)serializer.
     */
    public static Map<String, Object> withInstanceClasses(Map<String, ?> configs, String keyKey, Object keyInstance,
                                                          String valueKey, Object valueInstance) {
        Map<String, Object> out = new HashMap<>(toMap(configs));
        if (keyInstance != null) {
            out.put(keyKey, keyInstance.getClass());
        }
        if (valueInstance != null) {
            out.put(valueKey, valueInstance.getClass());
        }
        return out;
    }

    /** The properties a configured (de)serializer is configured with: the originals and the client id. */
    public static Map<String, Object> pluginProperties(AbstractConfig config) {
        Map<String, Object> props = new HashMap<>(config.originals());
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, config.getString(CommonClientConfigs.CLIENT_ID_CONFIG));
        return props;
    }
}
