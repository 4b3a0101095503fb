package io.samsa.clients;

/**
 * The configuration keys the producer, the consumer and the admin client share, with Kafka's
 * names; {@code ProducerConfig}, {@code ConsumerConfig} and {@code AdminClientConfig} repeat them
 * as their own constants. Constants only; immutable.
 */
public final class CommonClientConfigs {

    /** Where to find the cluster first: {@code host:port} pairs, comma-separated. Required. */
    public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
    /** How bootstrap and broker host names are resolved: {@code use_all_dns_ips} or {@code resolve_canonical_bootstrap_servers_only}. */
    public static final String CLIENT_DNS_LOOKUP_CONFIG = "client.dns.lookup";
    /** A name for this client in the brokers' request logs and quotas. */
    public static final String CLIENT_ID_CONFIG = "client.id";
    /** The rack of this client, for fetching from the closest replica. */
    public static final String CLIENT_RACK_CONFIG = "client.rack";
    /** How long cluster metadata may be used before it is refreshed, even without a sign it is stale. */
    public static final String METADATA_MAX_AGE_CONFIG = "metadata.max.age.ms";
    /** The socket send buffer (SO_SNDBUF); -1 for the operating system's default. */
    public static final String SEND_BUFFER_CONFIG = "send.buffer.bytes";
    /** The socket receive buffer (SO_RCVBUF); -1 for the operating system's default. */
    public static final String RECEIVE_BUFFER_CONFIG = "receive.buffer.bytes";
    /** The first wait before reconnecting to a broker; doubles per failure up to the maximum. */
    public static final String RECONNECT_BACKOFF_MS_CONFIG = "reconnect.backoff.ms";
    /** The longest wait before reconnecting to a broker that keeps failing. */
    public static final String RECONNECT_BACKOFF_MAX_MS_CONFIG = "reconnect.backoff.max.ms";
    /** How many times a failed request is retried (within the client's timeouts). */
    public static final String RETRIES_CONFIG = "retries";
    /** The first wait before retrying a failed request; doubles per failure up to the maximum. */
    public static final String RETRY_BACKOFF_MS_CONFIG = "retry.backoff.ms";
    /** The longest wait before retrying a request that keeps failing. */
    public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "retry.backoff.max.ms";
    /** How long to wait for the answer to one request before giving up on it (and its connection). */
    public static final String REQUEST_TIMEOUT_MS_CONFIG = "request.timeout.ms";
    /** How long to wait for a connection to be set up before giving up on it; grows per failure. */
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG = "socket.connection.setup.timeout.ms";
    /** The longest connection setup timeout, however many attempts failed. */
    public static final String SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG = "socket.connection.setup.timeout.max.ms";
    /** Idle connections are closed after this long. */
    public static final String CONNECTIONS_MAX_IDLE_MS_CONFIG = "connections.max.idle.ms";
    /** The protocol to speak to brokers; Samsa's clients speak {@code PLAINTEXT} only. */
    public static final String SECURITY_PROTOCOL_CONFIG = "security.protocol";
    /** The default timeout of client calls that take no timeout argument. */
    public static final String DEFAULT_API_TIMEOUT_MS_CONFIG = "default.api.timeout.ms";
    /** The consumer group to join. */
    public static final String GROUP_ID_CONFIG = "group.id";
    /** A static member id that survives restarts, avoiding a rebalance each time. */
    public static final String GROUP_INSTANCE_ID_CONFIG = "group.instance.id";
    /** The group member is removed when it sends no heartbeat for this long. */
    public static final String SESSION_TIMEOUT_MS_CONFIG = "session.timeout.ms";
    /** How often a group member sends heartbeats; well below the session timeout. */
    public static final String HEARTBEAT_INTERVAL_MS_CONFIG = "heartbeat.interval.ms";
    /** The longest time between two polls before the member leaves its group. */
    public static final String MAX_POLL_INTERVAL_MS_CONFIG = "max.poll.interval.ms";

    /**
     * Metrics reporters. Samsa's clients have no reporter plugins: the only entry allowed is
     * Kafka's {@code org.apache.kafka.common.metrics.JmxReporter}, which turns JMX on.
     */
    public static final String METRIC_REPORTER_CLASSES_CONFIG = "metric.reporters";
    /**
     * Whether a producer or consumer publishes its metrics in JMX (under Kafka's MBean names)
     * even when {@code metric.reporters} does not list the JmxReporter; true by default, as in
     * Kafka 3.9, where it is deprecated.
     */
    public static final String AUTO_INCLUDE_JMX_REPORTER_CONFIG = "auto.include.jmx.reporter";

    private CommonClientConfigs() {
    }
}
