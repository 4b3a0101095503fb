package io.samsa.core.test;

import io.samsa.core.server.BrokerConfig;
import io.samsa.core.server.SamsaServer;
import io.samsa.testkit.TempDirs;
import io.samsa.testkit.Wait;
import io.samsa.zk.EmbeddedZooKeeper;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process cluster for integration tests: an embedded ZooKeeper and N brokers on ephemeral
 * 127.0.0.1 ports, each with its own log directory. Brokers can be stopped and restarted with the
 * same id and data. A JUnit 5 extension: register it in a static field and the test class gets a
 * running cluster before its first test, closed after its last:
 * <pre>{@code
 * @RegisterExtension
 * static final SamsaCluster cluster = SamsaCluster.withBrokers(3, Map.of("group.initial.rebalance.delay.ms", "0"));
 * }</pre>
 * Not thread-safe.
 */
public final class SamsaCluster implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final int size;
    private final Map<String, String> overrides;
    private final List<SamsaServer> brokers = new ArrayList<>();
    private Path root;
    private EmbeddedZooKeeper zk;

    private SamsaCluster(int size, Map<String, String> overrides) {
        this.size = size;
        this.overrides = overrides;
    }

    private int logDirsPerBroker = 1;

    /** Gives every broker {@code count} log dirs instead of one (before the cluster starts). */
    public SamsaCluster withLogDirsPerBroker(int count) {
        this.logDirsPerBroker = count;
        return this;
    }

    /** A cluster of {@code size} brokers with these broker config overrides, started by {@link #beforeAll}. */
    public static SamsaCluster withBrokers(int size, Map<String, String> overrides) {
        return new SamsaCluster(size, overrides);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void startAll() throws Exception {
        root = TempDirs.create("samsa-cluster-");
        zk = new EmbeddedZooKeeper(root.resolve("zk").toFile(), "127.0.0.1", 0);
        for (int id = 0; id < size; id++) {
            brokers.add(null);
            startBroker(id);
        }
        waitForBrokersInMetadata();
    }

    public String zkConnect() {
        return zk.connectString();
    }

    public SamsaServer broker(int id) {
        return brokers.get(id);
    }

    public int size() {
        return brokers.size();
    }

    public Map<String, String> brokerProps(int id) {
        Map<String, String> props = new HashMap<>();
        props.put("broker.id", Integer.toString(id));
        props.put("listeners", "PLAINTEXT://127.0.0.1:0");
        List<String> dirs = new ArrayList<>();
        for (int d = 0; d < logDirsPerBroker; d++) {
            dirs.add(root.resolve(logDirsPerBroker == 1 ? "broker-" + id : "broker-" + id + "-dir-" + d).toString());
        }
        props.put("log.dirs", String.join(",", dirs));
        props.put("zookeeper.connect", zk.connectString());
        props.put("zookeeper.session.timeout.ms", "6000");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("offsets.topic.replication.factor", "1");
        // A stopping broker whose leaderships cannot move retries its controlled shutdown: quickly, in tests.
        props.put("controlled.shutdown.retry.backoff.ms", "200");
        props.putAll(overrides);
        return props;
    }

    public void startBroker(int id) throws Exception {
        SamsaServer server = new SamsaServer(new BrokerConfig(brokerProps(id)));
        brokers.set(id, server);
        server.startup();
    }

    public void stopBroker(int id) {
        brokers.get(id).shutdown();
    }

    public int port(int id) {
        return brokers.get(id).boundPort("PLAINTEXT");
    }

    public String bootstrapServers() {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < brokers.size(); i++) {
            if (brokers.get(i).isStarted()) {
                s.add("127.0.0.1:" + port(i));
            }
        }
        return String.join(",", s);
    }

    /** Waits until every running broker's metadata lists every running broker. */
    public void waitForBrokersInMetadata() {
        long running = brokers.stream().filter(SamsaServer::isStarted).count();
        Wait.until("all brokers to know each other", Duration.ofSeconds(30), () -> brokers.stream()
                .filter(SamsaServer::isStarted)
                .allMatch(b -> b.metadataCache().snapshot().brokers().size() == running));
    }

    /** Waits until the topic has {@code partitions} partitions with leaders on every running broker's metadata. */
    public void waitForTopic(String topic, int partitions) {
        Wait.until("topic " + topic + " with " + partitions + " led partitions", Duration.ofSeconds(30), () -> brokers.stream()
                .filter(SamsaServer::isStarted)
                .allMatch(b -> b.metadataCache().snapshot().topic(topic)
                        .map(t -> t.partitions().size() == partitions && t.partitions().values().stream().allMatch(p -> p.leader() >= 0))
                        .orElse(false)));
    }

    @Override
    public void close() {
        for (SamsaServer b : brokers) {
            if (b != null) {
                b.shutdown();
            }
        }
        brokers.clear();
        if (zk != null) {
            zk.close();
            zk = null;
        }
    }
}
