package io.samsa.systest.harness;

import java.nio.file.Path;
import java.util.List;

/**
 * {@link BrokerUnderTest} backed by a three-broker {@link ProcessCluster} of either kind, configured
 * alike for Samsa and for Kafka: replication factor 3 for new and internal topics and
 * {@code min.insync.replicas=2}. Not thread-safe.
 */
final class ClusterDeployment implements BrokerUnderTest {

    private static final int SESSION_TIMEOUT_MS = 10_000;

    private final ProcessCluster cluster;

    private ClusterDeployment(ProcessCluster cluster) {
        this.cluster = cluster;
    }

    static ClusterDeployment start(BrokerKind kind, String name) {
        ProcessCluster cluster = new ProcessCluster(kind, kind.label() + "-" + name, BROKERS, SESSION_TIMEOUT_MS);
        cluster.setBrokerConfig("default.replication.factor", "3");
        cluster.setBrokerConfig("offsets.topic.replication.factor", "3");
        cluster.setBrokerConfig("min.insync.replicas", "2");
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
    public void close() {
        cluster.close();
    }
}
