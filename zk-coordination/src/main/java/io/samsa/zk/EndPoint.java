package io.samsa.zk;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One advertised listener of a broker: listener name, host, port and security protocol, written in
 * a broker registration as {@code LISTENER://host:port}. Immutable.
 *
 * @param host may be null or empty (Kafka writes {@code PLAINTEXT://:9092} for "all interfaces")
 */
public record EndPoint(String listenerName, String host, int port, String securityProtocol) {

    /** Kafka's default listener → protocol map, used when a registration carries none. */
    public static final Map<String, String> DEFAULT_SECURITY_PROTOCOL_MAP = Map.of(
            "PLAINTEXT", "PLAINTEXT", "SSL", "SSL", "SASL_PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL", "SASL_SSL");

    private static final Pattern URI = Pattern.compile("^(.*)://\\[?([0-9a-zA-Z\\-%._:]*)\\]?:(-?[0-9]+)$");

    public EndPoint {
        Objects.requireNonNull(listenerName, "listenerName");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
    }

    /** A PLAINTEXT listener named PLAINTEXT, the common single-listener case. */
    public static EndPoint plaintext(String host, int port) {
        return new EndPoint("PLAINTEXT", host, port, "PLAINTEXT");
    }

    /**
     * Parses {@code LISTENER://host:port} (IPv6 hosts in brackets), resolving the protocol through
     * {@code protocolMap} (listener name → security protocol).
     */
    public static EndPoint parse(String connectionString, Map<String, String> protocolMap) {
        Matcher m = URI.matcher(connectionString);
        if (!m.matches()) {
            throw new ZkException("Unable to parse endpoint '" + connectionString + "'");
        }
        String listener = m.group(1).toUpperCase(Locale.ROOT);
        String protocol = protocolMap.get(listener);
        if (protocol == null) {
            throw new ZkException("No security protocol defined for listener " + listener + " in '" + connectionString + "'");
        }
        String host = m.group(2);
        return new EndPoint(listener, host.isEmpty() ? null : host, Integer.parseInt(m.group(3)), protocol);
    }

    /** The registration form, {@code LISTENER://host:port}, bracketing IPv6 hosts. */
    public String connectionString() {
        if (host == null) {
            return listenerName + "://:" + port;
        }
        return listenerName + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
