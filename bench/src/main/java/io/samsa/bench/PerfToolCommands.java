package io.samsa.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The main class and arguments of the perf tool that runs a workload against a broker. Kafka's
 * (kafka-tools 3.9.1): ProducerPerformance unthrottled, ConsumerPerformance from the earliest
 * offset, EndToEndLatency with the workload's acks and record size. Samsa's tools take Kafka's
 * arguments and print Kafka's output, so a workload's command line and parser are the same for
 * either client; only the main class differs, and {@link #mainClass(Workload, ClientKind)} says
 * which workloads Samsa has a tool for yet (the produce and consume ones). Stateless.
 */
public final class PerfToolCommands {

    public static final String PRODUCER = "org.apache.kafka.tools.ProducerPerformance";
    public static final String CONSUMER = "org.apache.kafka.tools.ConsumerPerformance";
    public static final String END_TO_END = "org.apache.kafka.tools.EndToEndLatency";
    /** Samsa's producer perf tool (module tools), Kafka's flags and output on Samsa's producer. */
    public static final String SAMSA_PRODUCER = "io.samsa.tools.ProducerPerformance";
    /**
     * Samsa's consumer perf tool (module tools), Kafka's flags and output on Samsa's consumer; like
     * Kafka's it joins a fresh group ({@code perf-consumer-<random>}) each run, so every run of W3
     * reads from the earliest offset.
     */
    public static final String SAMSA_CONSUMER = "io.samsa.tools.ConsumerPerformance";
    /** ConsumerPerformance gives up after this long without a record. */
    static final long CONSUMER_IDLE_TIMEOUT_MS = 15_000;

    private PerfToolCommands() {
    }

    /** Kafka's tool for {@code w}. */
    public static String mainClass(Workload w) {
        return switch (w.kind()) {
            case PRODUCE -> PRODUCER;
            case CONSUME -> CONSUMER;
            case END_TO_END -> END_TO_END;
        };
    }

    /**
     * {@code client}'s tool for {@code w}, or null when that client has none yet (the workload then
     * runs with kafka-clients only). Samsa has the producer and consumer tools, which take the
     * same {@link #args} as Kafka's and print what {@link ProducerPerformanceOutput} and
     * {@link ConsumerPerformanceOutput} parse, so W1, W2, W3 and W5 run with both clients side by
     * side.
     *
     * <p>Extension point for END_TO_END: it needs a Samsa {@code EndToEndLatency} (Kafka's positional
     * arguments, as in {@link #args}, and its output, which {@link EndToEndLatencyOutput} parses),
     * returned here; until then W4 and W4R3 run with kafka-clients only.
     */
    public static String mainClass(Workload w, ClientKind client) {
        if (client == ClientKind.KAFKA) {
            return mainClass(w);
        }
        return switch (w.kind()) {
            case PRODUCE -> SAMSA_PRODUCER;
            case CONSUME -> SAMSA_CONSUMER;
            case END_TO_END -> null;
        };
    }

    public static List<String> args(Workload w, String bootstrapServers) {
        List<String> a = new ArrayList<>();
        switch (w.kind()) {
            case PRODUCE -> {
                a.addAll(List.of("--topic", w.topic(), "--num-records", Long.toString(w.records()),
                        "--record-size", Integer.toString(w.recordSize()), "--throughput", "-1",
                        "--producer-props", "bootstrap.servers=" + bootstrapServers));
                a.addAll(w.producerPropArgs());
            }
            case CONSUME -> a.addAll(List.of("--bootstrap-server", bootstrapServers, "--topic", w.topic(),
                    "--messages", Long.toString(w.records()), "--timeout", Long.toString(CONSUMER_IDLE_TIMEOUT_MS)));
            case END_TO_END -> a.addAll(List.of(bootstrapServers, w.topic(), Long.toString(w.records()), w.acks(),
                    Integer.toString(w.recordSize())));
            default -> throw new AssertionError(w.kind());
        }
        return a;
    }
}
