package io.samsa.systest.harness;

import java.nio.file.Path;

/**
 * {@link BrokerUnderTest} backed by a one-broker {@link ProcessCluster}: a ZooKeeper process and a
 * Samsa broker process, both launched through the project's bin/ scripts. Not thread-safe.
 */
final class SamsaDeployment implements BrokerUnderTest {

    private static final int SESSION_TIMEOUT_MS = 10_000;

    private final ProcessCluster cluster;

    private SamsaDeployment(ProcessCluster cluster) {
        this.cluster = cluster;
    }

    static SamsaDeployment start(String name) {
        ProcessCluster cluster = new ProcessCluster("samsa-" + name, 1, SESSION_TIMEOUT_MS);
        try {
            cluster.start();
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
        return new SamsaDeployment(cluster);
    }

    @Override
    public String kind() {
        return "samsa";
    }

    @Override
    public int brokerId() {
        return 0;
    }

    @Override
    public int port() {
        return cluster.brokerPort(0);
    }

    @Override
    public Path brokerLogFile() {
        return cluster.logFile("broker-0");
    }

    @Override
    public void close() {
        cluster.close();
    }
}
