package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.BootstrapServers;
import io.samsa.clients.internals.NetworkClientSettings;
import io.samsa.common.Node;
import io.samsa.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The admin client's settings, read once from its configuration with Kafka's keys and defaults.
 * {@code default.api.timeout.ms} may not be below {@code request.timeout.ms} when both are set;
 * when only the request timeout is, the default API timeout rises to it (Kafka's rule). Immutable.
 *
 * @param bootstrap the brokers to ask first
 */
public record AdminSettings(List<Node> bootstrap, String clientId, int requestTimeoutMs, int defaultApiTimeoutMs,
                            int retries, long retryBackoffMs, long retryBackoffMaxMs, long metadataMaxAgeMs,
                            NetworkClientSettings network) {

    private static final Logger log = LoggerFactory.getLogger(AdminSettings.class);

    static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    static final String CLIENT_ID = "client.id";
    static final String REQUEST_TIMEOUT_MS = "request.timeout.ms";
    static final String DEFAULT_API_TIMEOUT_MS = "default.api.timeout.ms";
    static final String RETRIES = "retries";
    static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
    static final String METADATA_MAX_AGE_MS = "metadata.max.age.ms";
    static final String RECONNECT_BACKOFF_MS = "reconnect.backoff.ms";
    static final String RECONNECT_BACKOFF_MAX_MS = "reconnect.backoff.max.ms";
    static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS = "socket.connection.setup.timeout.ms";
    static final String SEND_BUFFER = "send.buffer.bytes";
    static final String RECEIVE_BUFFER = "receive.buffer.bytes";

    private static final Set<String> KNOWN = Set.of(BOOTSTRAP_SERVERS, CLIENT_ID, REQUEST_TIMEOUT_MS,
            DEFAULT_API_TIMEOUT_MS, RETRIES, RETRY_BACKOFF_MS, RETRY_BACKOFF_MAX_MS, METADATA_MAX_AGE_MS,
            RECONNECT_BACKOFF_MS, RECONNECT_BACKOFF_MAX_MS, SOCKET_CONNECTION_SETUP_TIMEOUT_MS, SEND_BUFFER, RECEIVE_BUFFER,
            "socket.connection.setup.timeout.max.ms", "connections.max.idle.ms", "security.protocol", "client.dns.lookup",
            "metrics.num.samples", "metrics.sample.window.ms", "metrics.recording.level", "metric.reporters",
            "auto.include.jmx.reporter", "enable.metrics.push", "bootstrap.controllers");

    /** Reads the settings from the user's configuration map. */
    public static AdminSettings from(Map<String, ?> props) {
        Set<String> unknown = new TreeSet<>(props.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            log.warn("These configurations are not admin client configurations and are ignored: {}", unknown);
        }
        Object servers = props.get(BOOTSTRAP_SERVERS);
        if (servers == null) {
            throw new ConfigException("Missing required configuration " + BOOTSTRAP_SERVERS);
        }
        List<String> entries = servers instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : Arrays.asList(String.valueOf(servers).split(","));
        List<Node> bootstrap = BootstrapServers.parse(new ArrayList<>(entries), BOOTSTRAP_SERVERS);
        int requestTimeoutMs = (int) number(props, REQUEST_TIMEOUT_MS, 30_000, 0);
        int defaultApiTimeoutMs = (int) number(props, DEFAULT_API_TIMEOUT_MS, 60_000, 0);
        if (defaultApiTimeoutMs < requestTimeoutMs) {
            if (props.containsKey(DEFAULT_API_TIMEOUT_MS)) {
                throw new ConfigException(DEFAULT_API_TIMEOUT_MS, defaultApiTimeoutMs,
                        "must be no smaller than " + REQUEST_TIMEOUT_MS + " (" + requestTimeoutMs + ")");
            }
            defaultApiTimeoutMs = requestTimeoutMs;
        }
        long reconnectBackoffMs = number(props, RECONNECT_BACKOFF_MS, 50, 0);
        long reconnectBackoffMaxMs = number(props, RECONNECT_BACKOFF_MAX_MS, 1000, 0);
        NetworkClientSettings network = new NetworkClientSettings(1, requestTimeoutMs, reconnectBackoffMs,
                Math.max(reconnectBackoffMs, reconnectBackoffMaxMs), number(props, SOCKET_CONNECTION_SETUP_TIMEOUT_MS, 10_000, 0),
                (int) number(props, SEND_BUFFER, 128 * 1024, -1), (int) number(props, RECEIVE_BUFFER, 64 * 1024, -1));
        Object clientId = props.get(CLIENT_ID);
        return new AdminSettings(bootstrap, clientId == null ? "" : String.valueOf(clientId), requestTimeoutMs,
                defaultApiTimeoutMs, (int) number(props, RETRIES, Integer.MAX_VALUE, 0), number(props, RETRY_BACKOFF_MS, 100, 0),
                number(props, RETRY_BACKOFF_MAX_MS, 1000, 0), number(props, METADATA_MAX_AGE_MS, 300_000, 0), network);
    }

    private static long number(Map<String, ?> props, String key, long dflt, long min) {
        Object raw = props.get(key);
        long value;
        if (raw == null) {
            return dflt;
        } else if (raw instanceof Number n) {
            value = n.longValue();
        } else {
            try {
                value = Long.parseLong(String.valueOf(raw).trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, raw, "expected a number");
            }
        }
        if (value < min) {
            throw new ConfigException(key, raw, "must be at least " + min);
        }
        return value;
    }
}
