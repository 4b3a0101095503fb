package io.samsa.clients.admin;

import io.samsa.clients.CommonClientConfigs;
import io.samsa.clients.internals.ClientConfigs;
import io.samsa.common.config.AbstractConfig;
import io.samsa.common.config.ConfigDef;
import io.samsa.common.config.ConfigException;
import io.samsa.common.config.ConfigType;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin client's configuration: Kafka 3.9's keys and defaults (see the constants), checked
 * when constructed. A bad value throws a {@link ConfigException} naming its key; keys the admin
 * client does not know are logged in one warning and otherwise ignored. Immutable; thread-safe.
 */
public final class AdminClientConfig extends AbstractConfig {

    private static final Logger LOG = LoggerFactory.getLogger(AdminClientConfig.class);

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
    /** See {@link CommonClientConfigs#SECURITY_PROTOCOL_CONFIG}. */
    public static final String SECURITY_PROTOCOL_CONFIG = CommonClientConfigs.SECURITY_PROTOCOL_CONFIG;
    /** See {@link CommonClientConfigs#RETRIES_CONFIG}. */
    public static final String RETRIES_CONFIG = CommonClientConfigs.RETRIES_CONFIG;
    /** See {@link CommonClientConfigs#DEFAULT_API_TIMEOUT_MS_CONFIG}. */
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG;

    private static final ConfigDef CONFIG = ClientConfigs.defineCommon(new ConfigDef(), 64 * 1024, 5 * 60 * 1000L)
            .define(RETRIES_CONFIG, ConfigType.INT, Integer.MAX_VALUE, ConfigDef.between(0, Integer.MAX_VALUE),
                    "Retries of a failed admin request", false)
            .define(DEFAULT_API_TIMEOUT_MS_CONFIG, ConfigType.INT, 60_000, ConfigDef.atLeast(0),
                    "Timeout of admin calls without one", false);

    /** The configuration in {@code props}. */
    public AdminClientConfig(Properties props) {
        this(ClientConfigs.toMap(props));
    }

    /** The configuration in {@code props}; entries with null values count as unset. */
    public AdminClientConfig(Map<String, ?> props) {
        super(CONFIG, ClientConfigs.toMap(props));
        ClientConfigs.warnUnknownKeys(LOG, "admin client", this, Set.of());
        Long reconnectMax = ClientConfigs.reconnectBackoffMaxOverride(this);
        if (reconnectMax != null) {
            override(RECONNECT_BACKOFF_MAX_MS_CONFIG, reconnectMax);
        }
    }

    /** The definition of every key, for documentation and tests. */
    public static ConfigDef configDef() {
        return CONFIG;
    }
}
