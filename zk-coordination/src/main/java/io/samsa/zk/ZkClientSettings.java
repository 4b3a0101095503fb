package io.samsa.zk;

import java.util.Objects;

/**
 * How to reach ZooKeeper, from the broker's {@code zookeeper.connect},
 * {@code zookeeper.session.timeout.ms} and {@code zookeeper.connection.timeout.ms}. The connect
 * string may end with a chroot ({@code host1:2181,host2:2181/kafka}), which is created if missing.
 * Immutable.
 */
public record ZkClientSettings(String connect, int sessionTimeoutMs, int connectionTimeoutMs) {

    /** Kafka's default {@code zookeeper.session.timeout.ms}. */
    public static final int DEFAULT_SESSION_TIMEOUT_MS = 18_000;

    public ZkClientSettings {
        Objects.requireNonNull(connect, "connect");
        if (connect.isBlank()) {
            throw new IllegalArgumentException("zookeeper.connect must not be empty");
        }
        if (sessionTimeoutMs <= 0 || connectionTimeoutMs <= 0) {
            throw new IllegalArgumentException("ZooKeeper timeouts must be positive");
        }
    }

    /** Kafka's defaults: an 18 s session, and a connection timeout equal to it. */
    public static ZkClientSettings of(String connect) {
        return new ZkClientSettings(connect, DEFAULT_SESSION_TIMEOUT_MS, DEFAULT_SESSION_TIMEOUT_MS);
    }

    /** The host list without the chroot. */
    public String hosts() {
        int slash = connect.indexOf('/');
        return slash < 0 ? connect : connect.substring(0, slash);
    }

    /** The chroot path ("/kafka"), or null when there is none (or it is just "/"). */
    public String chroot() {
        int slash = connect.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String chroot = connect.substring(slash);
        while (chroot.length() > 1 && chroot.endsWith("/")) {
            chroot = chroot.substring(0, chroot.length() - 1);
        }
        return chroot.equals("/") ? null : chroot;
    }
}
