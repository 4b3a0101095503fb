package io.samsa.systest.cluster;

import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.ZkInspector;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension giving a test class one {@link ProcessCluster} (ZooKeeper plus N broker
 * processes), an Admin and a {@link ZkInspector} on it. Tests kill and stop brokers; after each test
 * every broker that is not running is started again and the class waits until all N are registered
 * and listed by the cluster's metadata, so each test begins with a whole cluster whatever the
 * previous one did. Register as a static field with {@code @RegisterExtension}. Not thread-safe.
 */
final class LiveCluster implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** Restart after kill -9 waits for the old session to expire, then loads and elects. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private final String name;
    private final int brokers;
    private final int sessionTimeoutMs;
    private ProcessCluster cluster;
    private Admin admin;
    private ZkInspector zk;

    LiveCluster(String name, int brokers, int sessionTimeoutMs) {
        this.name = name;
        this.brokers = brokers;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = new ProcessCluster(name, brokers, sessionTimeoutMs);
        try {
            cluster.start();
            zk = new ZkInspector(cluster.zkConnect());
            admin = ClusterClients.admin(cluster.bootstrapServers());
            awaitWhole();
        } catch (RuntimeException | AssertionError e) {
            afterAll(context);
            throw e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int id = 0; id < brokers; id++) {
            if (!cluster.broker(id).isAlive()) {
                cluster.startBroker(id);
            }
        }
        awaitWhole();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        if (zk != null) {
            zk.close();
            zk = null;
        }
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }

    /** Waits until every broker is registered in ZooKeeper, a controller is elected, and metadata lists all. */
    void awaitWhole() {
        Set<Integer> all = new TreeSet<>();
        for (int id = 0; id < brokers; id++) {
            all.add(id);
            cluster.awaitBrokerListening(id);
        }
        Wait.until("all brokers " + all + " registered and a controller elected in " + cluster.workDir(), RECOVERY,
                () -> all.stream().allMatch(zk::isRegistered) && zk.controller().isPresent());
        Wait.until("metadata listing brokers " + all, RECOVERY, () -> liveBrokers().equals(all));
    }

    /** Broker ids the cluster metadata (Admin describeCluster) lists now. */
    Set<Integer> liveBrokers() {
        return ClusterClients.get(admin.describeCluster().nodes()).stream().map(Node::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    ProcessCluster cluster() {
        return cluster;
    }

    Admin admin() {
        return admin;
    }

    ZkInspector zk() {
        return zk;
    }

    int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }
}
