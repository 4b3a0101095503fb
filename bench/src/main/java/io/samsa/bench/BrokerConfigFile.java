package io.samsa.bench;

import java.nio.file.Path;

/**
 * The server.properties both brokers run with: one file, Kafka's key names, so the settings are
 * the same by construction. Defaults stay defaults (threads, segment size, no fsync per message)
 * except what one broker needs (internal topics with one replica, which the replicated workloads
 * do not use) and two choices that keep one-time
 * bookkeeping out of the consume workload: no initial rebalance delay, and a one-partition offsets
 * topic instead of fifty. Samsa ignores the keys it does not know. Stateless.
 */
public final class BrokerConfigFile {

    private BrokerConfigFile() {
    }

    public static String text(int brokerId, int port, Path logDir, String zkConnect) {
        return "broker.id=" + brokerId + "\n"
                + "listeners=PLAINTEXT://127.0.0.1:" + port + "\n"
                + "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + "\n"
                + "log.dirs=" + logDir + "\n"
                + "zookeeper.connect=" + zkConnect + "\n"
                + "zookeeper.session.timeout.ms=18000\n"
                + "num.partitions=1\n"
                + "default.replication.factor=1\n"
                + "offsets.topic.replication.factor=1\n"
                + "offsets.topic.num.partitions=1\n"
                + "transaction.state.log.replication.factor=1\n"
                + "transaction.state.log.min.isr=1\n"
                + "group.initial.rebalance.delay.ms=0\n";
    }
}
