package io.samsa.clients.internals;

import io.samsa.common.Node;
import io.samsa.common.config.ConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code bootstrap.servers}: {@code host:port} entries ({@code [v6-address]:port} too), the
 * brokers a client asks first. They get ids -1, -2, ... until a Metadata answer names the real
 * brokers. Stateless.
 */
public final class BootstrapServers {

    private BootstrapServers() {
    }

    public static List<Node> parse(List<String> entries, String key) {
        List<Node> nodes = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new ConfigException(key, entry, "expected host:port");
            }
            String host = entry.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new ConfigException(key, entry, "the port is not a number");
            }
            if (port < 1 || port > 65535) {
                throw new ConfigException(key, entry, "the port is out of range");
            }
            nodes.add(new Node(-1 - nodes.size(), host, port));
        }
        if (nodes.isEmpty()) {
            throw new ConfigException(key, entries, "at least one host:port is required");
        }
        return nodes;
    }
}
