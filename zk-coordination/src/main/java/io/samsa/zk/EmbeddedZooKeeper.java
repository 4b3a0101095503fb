package io.samsa.zk;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A single ZooKeeper server inside this JVM, for the quickstart and for in-process test
 * clusters. Production deployments use a real ensemble. Start/stop are not thread-safe.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    private static final int TICK_TIME_MS = 500;

    private final ZooKeeperServer server;
    private final ServerCnxnFactory factory;
    private final String host;

    /** Starts a server with its data under {@code dataDir}, bound to {@code host:port} (0 = ephemeral). */
    public EmbeddedZooKeeper(File dataDir, String host, int port) throws IOException, InterruptedException {
        File snap = new File(dataDir, "snapshots");
        File txn = new File(dataDir, "txnlog");
        if (!snap.mkdirs() && !snap.isDirectory() || !txn.mkdirs() && !txn.isDirectory()) {
            throw new IOException("Cannot create ZooKeeper data directories under " + dataDir);
        }
        this.host = host;
        this.server = new ZooKeeperServer(snap, txn, TICK_TIME_MS);
        // Sessions may be as short as 2 ticks; tests use short sessions to observe expiry quickly.
        server.setMinSessionTimeout(2 * TICK_TIME_MS);
        this.factory = ServerCnxnFactory.createFactory(new InetSocketAddress(host, port), 1000);
        factory.startup(server);
    }

    public int port() {
        return factory.getLocalPort();
    }

    /** {@code host:port} for {@code zookeeper.connect}. */
    public String connectString() {
        return host + ":" + port();
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
