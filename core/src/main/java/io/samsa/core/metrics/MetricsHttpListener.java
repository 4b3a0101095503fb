package io.samsa.core.metrics;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Where the metrics HTTP server listens: {@code metrics.http.listener=http://HOST:PORT}. The host
 * may be a name, an IPv4 address, a bracketed IPv6 address, or empty for every interface (as in
 * Kafka's {@code listeners}); port 0 binds an ephemeral port. Nothing may follow but a lone
 * {@code /}. Immutable.
 *
 * @param host the host to bind, or "" for every interface
 */
public record MetricsHttpListener(String host, int port) {

    /** Parses {@code http://HOST:PORT}; throws IllegalArgumentException saying what is wrong. */
    public static MetricsHttpListener parse(String url) {
        String s = url.trim();
        if (!s.toLowerCase(Locale.ROOT).startsWith("http://")) {
            throw new IllegalArgumentException("expected http://HOST:PORT (only plain http is served)");
        }
        String authority = s.substring("http://".length());
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            if (slash != authority.length() - 1) {
                throw new IllegalArgumentException("expected http://HOST:PORT without a path (metrics are served at /metrics)");
            }
            authority = authority.substring(0, slash);
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || close + 1 >= authority.length() || authority.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("expected http://[IPv6]:PORT");
            }
            host = authority.substring(1, close);
            port = authority.substring(close + 2);
        } else {
            int colon = authority.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("missing port: expected http://HOST:PORT");
            }
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw new IllegalArgumentException("an IPv6 host must be in brackets: http://[::1]:PORT");
            }
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%')) {
                throw new IllegalArgumentException("invalid host '" + host + "'");
            }
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port '" + port + "'");
        }
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        return new MetricsHttpListener(host, p);
    }

    /** The address to bind: the wildcard address when no host is given. */
    public InetSocketAddress bindAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
