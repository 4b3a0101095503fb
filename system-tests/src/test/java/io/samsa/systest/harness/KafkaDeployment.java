package io.samsa.systest.harness;

import io.samsa.testkit.Wait;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BrokerUnderTest} backed by Apache Kafka 3.9.1 in ZooKeeper mode, the oracle: ZooKeeper is
 * started by a broker-less {@link ProcessCluster} (the same bin/ script as for Samsa) and the broker
 * is {@code kafka.Kafka server.properties} in its own JVM on this test JVM's classpath, where
 * kafka_2.13 is a test dependency. Not thread-safe.
 */
final class KafkaDeployment implements BrokerUnderTest {

    private static final int BROKER_ID = 0;
    private static final int SESSION_TIMEOUT_MS = 10_000;

    private final ProcessCluster zookeeper;
    private final int port;
    private Process broker;

    private KafkaDeployment(ProcessCluster zookeeper, int port) {
        this.zookeeper = zookeeper;
        this.port = port;
        // Never leave the broker behind if the test JVM dies; ProcessCluster does the same for ZooKeeper.
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "kafka-deployment-cleanup"));
    }

    static KafkaDeployment start(String name) {
        ProcessCluster zk = new ProcessCluster("kafka-" + name, 0, SESSION_TIMEOUT_MS);
        KafkaDeployment deployment = new KafkaDeployment(zk, Ports.freePort());
        try {
            zk.startZooKeeper();
            deployment.startBroker();
        } catch (RuntimeException | AssertionError e) {
            deployment.close();
            throw e;
        }
        return deployment;
    }

    private void startBroker() {
        Path config = zookeeper.workDir().resolve("kafka-server.properties");
        String props = "broker.id=" + BROKER_ID + "\n"
                + "listeners=PLAINTEXT://127.0.0.1:" + port + "\n"
                + "log.dirs=" + zookeeper.workDir().resolve("kafka-data") + "\n"
                + "zookeeper.connect=" + zookeeper.zkConnect() + "\n"
                + "zookeeper.session.timeout.ms=" + SESSION_TIMEOUT_MS + "\n"
                + "num.partitions=1\n"
                + "offsets.topic.replication.factor=1\n"
                + "transaction.state.log.replication.factor=1\n"
                + "transaction.state.log.min.isr=1\n"
                + "group.initial.rebalance.delay.ms=0\n"
                + "num.network.threads=2\n"
                + "num.io.threads=4\n";
        try {
            Files.writeString(config, props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = JavaCommand.of("kafka.Kafka",
                List.of("-Xms128m", "-Xmx512m", "-XX:+UseG1GC"), List.of(config.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(brokerLogFile().toFile()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            broker = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process p = broker;
        // Kafka opens its client listener only at the end of start-up, after registering in ZooKeeper.
        Wait.until("Kafka broker listening on " + port, Duration.ofSeconds(90), () -> {
            if (!p.isAlive()) {
                throw new AssertionError("Kafka broker exited with " + p.exitValue() + "; see " + brokerLogFile());
            }
            return Ports.isListening(port);
        });
    }

    @Override
    public String kind() {
        return "kafka";
    }

    @Override
    public int brokerId() {
        return BROKER_ID;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Path brokerLogFile() {
        return zookeeper.logFile("kafka-broker-" + BROKER_ID);
    }

    @Override
    public synchronized void close() {
        if (broker != null && broker.isAlive()) {
            broker.destroyForcibly();
            try {
                broker.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        zookeeper.close();
    }
}
