package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.AdminClientConfig;
import io.samsa.clients.internals.BootstrapServers;
import io.samsa.clients.internals.NetworkClientSettings;
import io.samsa.common.Node;
import io.samsa.common.config.ConfigException;

import java.util.List;

/**
 * What the admin client's machinery reads from its {@link AdminClientConfig}, read once.
 * {@code default.api.timeout.ms} may not be below {@code request.timeout.ms} when both are set;
 * when only the request timeout is, the default API timeout rises to it (Kafka's rule). The
 * network client keeps one request in flight per broker, as Kafka's admin client does. Immutable.
 *
 * @param bootstrap the brokers to ask first
 */
public record AdminSettings(List<Node> bootstrap, String clientId, int requestTimeoutMs, int defaultApiTimeoutMs,
                            int retries, long retryBackoffMs, long retryBackoffMaxMs, long metadataMaxAgeMs,
                            NetworkClientSettings network) {

    public static AdminSettings from(AdminClientConfig config) {
        List<Node> bootstrap = BootstrapServers.parse(config.getList(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG),
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        int requestTimeoutMs = config.getInt(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int defaultApiTimeoutMs = config.getInt(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        if (defaultApiTimeoutMs < requestTimeoutMs) {
            if (config.isSet(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG)) {
                throw new ConfigException(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, defaultApiTimeoutMs,
                        "must be no smaller than " + AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG + " (" + requestTimeoutMs + ")");
            }
            defaultApiTimeoutMs = requestTimeoutMs;
        }
        NetworkClientSettings network = new NetworkClientSettings(1, requestTimeoutMs,
                config.getLong(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG),
                config.getLong(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG),
                config.getLong(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG),
                config.getInt(AdminClientConfig.SEND_BUFFER_CONFIG), config.getInt(AdminClientConfig.RECEIVE_BUFFER_CONFIG));
        return new AdminSettings(bootstrap, config.getString(AdminClientConfig.CLIENT_ID_CONFIG), requestTimeoutMs,
                defaultApiTimeoutMs, config.getInt(AdminClientConfig.RETRIES_CONFIG),
                config.getLong(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG), config.getLong(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
                config.getLong(AdminClientConfig.METADATA_MAX_AGE_CONFIG), network);
    }
}
