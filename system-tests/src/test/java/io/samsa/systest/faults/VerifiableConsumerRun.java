package io.samsa.systest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.systest.harness.BackgroundProcess;
import io.samsa.systest.harness.ClusterNetwork;
import io.samsa.systest.harness.JavaCommand;
import io.samsa.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Apache Kafka's {@code org.apache.kafka.tools.VerifiableConsumer} (kafka-tools 3.9.1) in its own
 * JVM: a group member that subscribes to the topic from the earliest offset, commits after every
 * poll and, with {@code --verbose}, prints every record it receives (partition, offset, value) as
 * a JSON line. It stays in the group through the faults, as an application would, and ends on
 * SIGTERM. Not thread-safe.
 */
final class VerifiableConsumerRun implements AutoCloseable {

    /** A record as the consumer received it. */
    record Consumed(int partition, long offset, String value) {
    }

    private final BackgroundProcess process;
    private final JsonLines events;
    private final List<Consumed> records = new ArrayList<>();
    private final Map<Integer, Long> maxOffset = new HashMap<>();
    private boolean assigned;
    private boolean shutdownComplete;

    private VerifiableConsumerRun(BackgroundProcess process) {
        this.process = process;
        this.events = new JsonLines(process.stdout());
    }

    /** Starts the consumer where {@code clients} says clients run. */
    static VerifiableConsumerRun start(ClusterNetwork.Node clients, String bootstrap, String topic, String group, Path dir) {
        List<String> command = JavaCommand.of("org.apache.kafka.tools.VerifiableConsumer",
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                List.of("--bootstrap-server", bootstrap, "--topic", topic, "--group-id", group, "--verbose",
                        "--reset-policy", "earliest"));
        return new VerifiableConsumerRun(BackgroundProcess.start("verifiable-consumer", clients.command(command), dir));
    }

    private void poll() {
        for (JsonNode e : events.readNew()) {
            switch (e.get("name").asText()) {
                case "record_data" -> {
                    Consumed c = new Consumed(e.get("partition").asInt(), e.get("offset").asLong(), e.get("value").asText());
                    records.add(c);
                    maxOffset.merge(c.partition(), c.offset(), Math::max);
                }
                case "partitions_assigned" -> assigned |= !e.get("partitions").isEmpty();
                case "shutdown_complete" -> shutdownComplete = true;
                default -> {
                    // records_consumed summaries, commits and revocations: the verdict reads records only.
                }
            }
        }
    }

    /** Waits until the group has assigned the consumer its partitions. */
    void awaitAssigned(Duration timeout) {
        Wait.until("verifiable consumer assigned partitions (" + process.stdout() + ")", timeout, () -> {
            poll();
            if (!assigned && !process.isAlive()) {
                throw new AssertionError("verifiable consumer exited; see " + process.stderr());
            }
            return assigned;
        });
    }

    /** Waits until the consumer has received every offset below {@code endOffsets} (partition → end offset). */
    void awaitReached(Map<Integer, Long> endOffsets, Duration timeout) {
        Wait.until("verifiable consumer reaching end offsets " + endOffsets + " (" + process.stdout() + ")", timeout, () -> {
            poll();
            return endOffsets.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || maxOffset.getOrDefault(e.getKey(), -1L) >= e.getValue() - 1);
        });
    }

    /** SIGTERM: the consumer leaves its group, prints shutdown_complete and exits. */
    void stop(Duration timeout) {
        process.terminate(timeout);
        poll();
        if (!shutdownComplete) {
            throw new AssertionError("verifiable consumer ended without shutdown_complete; see " + process.stdout()
                    + " and " + process.stderr());
        }
    }

    /** Every record received, in arrival order; a record received again after a rebalance appears again. */
    List<Consumed> records() {
        poll();
        return List.copyOf(records);
    }

    @Override
    public void close() {
        process.close();
    }
}
