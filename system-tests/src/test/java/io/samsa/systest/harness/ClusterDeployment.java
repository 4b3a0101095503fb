package io.samsa.systest.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * {@link BrokerUnderTest} backed by a {@link ProcessCluster} of either kind (three brokers unless
 * asked otherwise), configured alike for Samsa and for Kafka: replication factor 3 for new and
 * internal topics and {@code min.insync.replicas=2} (1 and 1 on a single broker). Not thread-safe.
 */
final class ClusterDeployment implements BrokerUnderTest {

    private static final int SESSION_TIMEOUT_MS = 10_000;

    private final ProcessCluster cluster;

    private ClusterDeployment(ProcessCluster cluster) {
        this.cluster = cluster;
    }

    static ClusterDeployment start(BrokerKind kind, String name) {
        return start(kind, name, BROKERS);
    }

    /** {@code brokers} brokers; with fewer than three, replication factor and min ISR shrink to fit. */
    static ClusterDeployment start(BrokerKind kind, String name, int brokers) {
        ProcessCluster cluster = new ProcessCluster(kind, kind.label() + "-" + name, brokers, SESSION_TIMEOUT_MS);
        int rf = Math.min(3, brokers);
        cluster.setBrokerConfig("default.replication.factor", Integer.toString(rf));
        cluster.setBrokerConfig("offsets.topic.replication.factor", Integer.toString(rf));
        cluster.setBrokerConfig("min.insync.replicas", Integer.toString(Math.min(2, rf)));
        cluster.setBrokerConfig("transaction.state.log.replication.factor", Integer.toString(rf));
        cluster.setBrokerConfig("transaction.state.log.min.isr", Integer.toString(Math.min(2, rf)));
        try {
            cluster.start();
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return new ClusterDeployment(cluster);
    }

    @Override
    public String kind() {
        return cluster.kind().label();
    }

    @Override
    public List<Integer> brokerIds() {
        return cluster.brokerIds();
    }

    @Override
    public int port(int brokerId) {
        return cluster.brokerPort(brokerId);
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public Path brokerLogFile(int brokerId) {
        return cluster.logFile("broker-" + brokerId);
    }

    @Override
    public Path brokerDataDir(int brokerId) {
        return cluster.brokerLogDir(brokerId);
    }

    @Override
    public void kill9(int brokerId) {
        cluster.kill9(brokerId);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
