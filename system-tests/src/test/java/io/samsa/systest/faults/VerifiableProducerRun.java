package io.samsa.systest.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.systest.harness.BackgroundProcess;
import io.samsa.systest.harness.ClusterNetwork;
import io.samsa.systest.harness.JavaCommand;
import io.samsa.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Apache Kafka's {@code org.apache.kafka.tools.VerifiableProducer} (kafka-tools 3.9.1) in its own
 * JVM: it sends the integers 0 to count-1 as values at a bounded rate and prints one JSON line per
 * acknowledgement (value, partition, offset, time) or failure. Configured as a careful user would:
 * idempotent, acks=all, retried without limit (no delivery timeout within the test's deadlines),
 * so every record must end up acknowledged exactly once. After sending the last record it flushes,
 * prints {@code shutdown_complete} and exits. Not thread-safe.
 */
final class VerifiableProducerRun implements AutoCloseable {

    /** A record the brokers acknowledged: its value, where it landed, and when the acknowledgement arrived (epoch ms). */
    record Ack(String value, int partition, long offset, long timestampMs) {
    }

    /**
     * The producer's client settings beyond kafka-clients' defaults (which already mean idempotence
     * and acks=all): the tool's own retries=0 undone, and no delivery timeout. request.timeout.ms stays
     * at its 30 s default, so requests sent to a frozen leader are still waiting when it wakes up.
     */
    static final String CONFIG = """
            enable.idempotence=true
            acks=all
            retries=2147483647
            delivery.timeout.ms=2147483647
            max.in.flight.requests.per.connection=5
            """;

    private final BackgroundProcess process;
    private final JsonLines events;
    private final int count;
    private final List<Ack> acks = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private boolean shutdownComplete;

    private VerifiableProducerRun(BackgroundProcess process, int count) {
        this.process = process;
        this.events = new JsonLines(process.stdout());
        this.count = count;
    }

    /** Starts the producer where {@code clients} says clients run. */
    static VerifiableProducerRun start(ClusterNetwork.Node clients, String bootstrap, String topic, int count, int ratePerSecond,
            Path dir) {
        Path config = dir.resolve("verifiable-producer.properties");
        try {
            Files.writeString(config, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = JavaCommand.of("org.apache.kafka.tools.VerifiableProducer",
                List.of("-Xmx256m", "-XX:+UseSerialGC"),
                List.of("--bootstrap-server", bootstrap, "--topic", topic, "--max-messages", Integer.toString(count),
                        "--throughput", Integer.toString(ratePerSecond), "--producer.config", config.toString()));
        return new VerifiableProducerRun(BackgroundProcess.start("verifiable-producer", clients.command(command), dir), count);
    }

    /** Takes in what the producer printed since the last call. */
    void poll() {
        for (JsonNode e : events.readNew()) {
            switch (e.get("name").asText()) {
                case "producer_send_success" -> acks.add(new Ack(e.get("value").asText(), e.get("partition").asInt(),
                        e.get("offset").asLong(), e.get("timestamp").asLong()));
                case "producer_send_error" -> errors.add("value " + e.get("value").asText() + ": "
                        + e.get("exception").asText() + ": " + e.get("message").asText());
                case "shutdown_complete" -> shutdownComplete = true;
                default -> {
                    // startup_complete and tool_data carry nothing the verdict needs.
                }
            }
        }
    }

    int count() {
        return count;
    }

    int ackedCount() {
        poll();
        return acks.size();
    }

    /** Waits until at least {@code n} records are acknowledged; fails early if the producer stopped. */
    void awaitAcked(int n, Duration timeout) {
        Wait.until(n + " records acknowledged to the verifiable producer (" + process.stdout() + ")", timeout, () -> {
            if (ackedCount() >= n) {
                return true;
            }
            if (!process.isAlive()) {
                poll();
                throw new AssertionError("verifiable producer exited after " + acks.size() + " acknowledgements; see "
                        + process.stderr());
            }
            return false;
        });
    }

    /** Waits for the producer to have flushed everything and exited; fails unless it exited cleanly. */
    void awaitFinished(Duration timeout) {
        int status = process.awaitExit(timeout);
        poll();
        if (status != 0 || !shutdownComplete) {
            throw new AssertionError("verifiable producer exited with " + status + (shutdownComplete ? "" : " without shutdown_complete")
                    + "; see " + process.stdout() + " and " + process.stderr());
        }
    }

    List<Ack> acks() {
        poll();
        return List.copyOf(acks);
    }

    /** One line per failed send: the value and the client's exception. */
    List<String> errors() {
        poll();
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        process.close();
    }
}
