package io.samsa.systest.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A running three-broker deployment (one ZooKeeper and three brokers, each its own process, on
 * loopback ephemeral ports) that a client test talks to without knowing which broker it is: Samsa,
 * or Apache Kafka 3.9.1 as the oracle. The system property {@value BrokerKind#PROPERTY} picks the
 * implementation ({@code samsa}, the default, or {@code kafka}), so the same test validates itself
 * against Kafka and then holds Samsa to the same behaviour.
 *
 * <p>Configured as a user would run a small production cluster: {@code default.replication.factor=3},
 * {@code offsets.topic.replication.factor=3} and {@code min.insync.replicas=2}, so topics, auto-created
 * ones included, and the group coordinator's offsets are replicated. Implementations are not
 * thread-safe; share one per test class.
 */
public interface BrokerUnderTest extends AutoCloseable {

    /** Brokers in every deployment. */
    int BROKERS = 3;

    /**
     * Starts the deployment chosen by {@value BrokerKind#PROPERTY}; returns once every broker answers
     * metadata requests listing all three and a controller (else fails, leaving no process behind).
     */
    static BrokerUnderTest start(String name) {
        return start(BrokerKind.fromSystemProperty(), name, BROKERS);
    }

    /** A deployment of {@code brokers} brokers of {@code kind}, whatever {@value BrokerKind#PROPERTY} says. */
    static BrokerUnderTest start(BrokerKind kind, String name, int brokers) {
        BrokerUnderTest deployment = ClusterDeployment.start(kind, name, brokers);
        try {
            MetadataProbe.awaitReady(deployment, Duration.ofSeconds(90));
        } catch (RuntimeException | AssertionError e) {
            deployment.close();
            throw e;
        }
        return deployment;
    }

    /** {@code samsa} or {@code kafka}. */
    String kind();

    /** The brokers' ids in ZooKeeper and in metadata responses, ascending. */
    List<Integer> brokerIds();

    /** Always 127.0.0.1. */
    default String host() {
        return "127.0.0.1";
    }

    /** The client port of broker {@code brokerId}. */
    int port(int brokerId);

    /** {@code 127.0.0.1:<port>} of every broker, comma-separated, for every client's bootstrap setting. */
    String bootstrapServers();

    /** A broker process's combined stdout/stderr, for diagnosing a failure. */
    Path brokerLogFile(int brokerId);

    /** Broker {@code brokerId}'s {@code log.dirs}: its partitions' directories, for tools that read log files. */
    Path brokerDataDir(int brokerId);

    /** Kills one broker with SIGKILL, for tests of clients riding out a failure. */
    void kill9(int brokerId);

    /** Kills the brokers and ZooKeeper; the data directories stay under target/ for inspection. */
    @Override
    void close();
}
