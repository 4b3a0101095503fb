package io.samsa.systest.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A running one-broker deployment (ZooKeeper plus one broker, each its own process, on loopback
 * ephemeral ports) that a client test talks to without knowing which broker it is: Samsa, or
 * Apache Kafka 3.9.1 as the oracle. The system property {@value #PROPERTY} picks the
 * implementation ({@code samsa}, the default, or {@code kafka}), so the same test validates
 * itself against Kafka and then holds Samsa to the same behaviour. Implementations are not
 * thread-safe; share one per test class.
 */
public interface BrokerUnderTest extends AutoCloseable {

    /** System property that chooses the broker: {@code samsa} (default) or {@code kafka}. */
    String PROPERTY = "systest.broker";

    /**
     * Starts the deployment chosen by {@value #PROPERTY}; returns once the broker answers metadata
     * requests as a live broker and the controller (else fails, leaving no process behind).
     */
    static BrokerUnderTest start(String name) {
        String kind = System.getProperty(PROPERTY, "samsa").trim().toLowerCase(Locale.ROOT);
        BrokerUnderTest broker;
        switch (kind) {
            case "samsa":
                broker = SamsaDeployment.start(name);
                break;
            case "kafka":
                broker = KafkaDeployment.start(name);
                break;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " must be samsa or kafka, not " + kind);
        }
        try {
            MetadataProbe.awaitReady(broker, Duration.ofSeconds(60));
        } catch (RuntimeException | AssertionError e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** {@code samsa} or {@code kafka}. */
    String kind();

    /** The broker's id in ZooKeeper and in metadata responses. */
    int brokerId();

    /** Always 127.0.0.1. */
    default String host() {
        return "127.0.0.1";
    }

    int port();

    /** {@code 127.0.0.1:<port>}, for every client's bootstrap setting. */
    default String bootstrapServers() {
        return host() + ":" + port();
    }

    /** The broker process's combined stdout/stderr, for diagnosing a failure. */
    Path brokerLogFile();

    /** Kills the broker and ZooKeeper; the data directories stay under target/ for inspection. */
    @Override
    void close();
}
