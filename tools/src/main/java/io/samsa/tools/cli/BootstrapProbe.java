package io.samsa.tools.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains why a cluster did not answer, address by address, by trying what the client tried
 * underneath: resolving the host and opening a TCP connection. "refused the connection" (nothing
 * listens there), "unknown host", "did not answer" (a dead or firewalled host) or "accepts
 * connections but did not answer as a Kafka broker" (the wrong port or protocol). Used only after
 * the client has given up, so it costs nothing on the way to a healthy cluster. Stateless.
 */
public final class BootstrapProbe {

    private BootstrapProbe() {
    }

    /** One explanation per entry of a comma-separated {@code host:port} list, joined by "; ". */
    public static String explain(String servers, int connectTimeoutMs) {
        List<String> reasons = new ArrayList<>();
        for (String entry : servers.split(",")) {
            String address = entry.trim();
            if (!address.isEmpty()) {
                reasons.add(explainOne(address, connectTimeoutMs));
            }
        }
        return String.join("; ", reasons);
    }

    static String explainOne(String address, int connectTimeoutMs) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            return address + " is not host:port";
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return address + " has no valid port";
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return address + ": unknown host " + host;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ip, port), connectTimeoutMs);
            return address + " accepts connections but did not answer as a Kafka broker";
        } catch (ConnectException e) {
            return address + " refused the connection";
        } catch (SocketTimeoutException e) {
            return address + " did not answer within " + connectTimeoutMs + " ms";
        } catch (NoRouteToHostException e) {
            return address + ": no route to host";
        } catch (IOException | IllegalArgumentException e) {
            return address + ": " + e.getMessage();
        }
    }
}
