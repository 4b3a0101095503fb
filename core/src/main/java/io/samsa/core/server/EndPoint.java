package io.samsa.core.server;

import io.samsa.common.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One listener: {@code NAME://host:port}. An empty host means "all interfaces" when binding.
 * Immutable.
 */
public record EndPoint(String listenerName, String host, int port, String securityProtocol) {

    /** Parses a {@code listeners}-style list; errors name {@code key}. */
    public static List<EndPoint> parseList(String key, List<String> entries, Map<String, String> protocolMap) {
        List<EndPoint> out = new ArrayList<>();
        for (String entry : entries) {
            out.add(parse(key, entry, protocolMap));
        }
        return out;
    }

    static EndPoint parse(String key, String entry, Map<String, String> protocolMap) {
        int sep = entry.indexOf("://");
        int colon = entry.lastIndexOf(':');
        if (sep <= 0 || colon <= sep + 2) {
            throw new ConfigException(key, entry, "expected NAME://host:port");
        }
        String name = entry.substring(0, sep).toUpperCase(Locale.ROOT);
        String host = entry.substring(sep + 3, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(entry.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException(key, entry, "port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, entry, "port out of range");
        }
        String protocol = protocolMap.getOrDefault(name, name);
        if (!protocol.equals("PLAINTEXT")) {
            throw new ConfigException(key, entry, "security protocol " + protocol + " is not supported (only PLAINTEXT)");
        }
        return new EndPoint(name, host, port, protocol);
    }

    public EndPoint withPort(int newPort) {
        return new EndPoint(listenerName, host, newPort, securityProtocol);
    }

    public EndPoint withHost(String newHost) {
        return new EndPoint(listenerName, newHost, port, securityProtocol);
    }

    /** The form used in {@code /brokers/ids} and listener configs. */
    public String connectionString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return listenerName + "://" + h + ":" + port;
    }
}
