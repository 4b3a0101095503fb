package io.samsa.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The main class and arguments of the Kafka perf tool (kafka-tools 3.9.1) that runs a workload
 * against a broker: ProducerPerformance unthrottled, ConsumerPerformance from the earliest offset,
 * EndToEndLatency with the workload's acks and record size. Stateless.
 */
public final class PerfToolCommands {

    public static final String PRODUCER = "org.apache.kafka.tools.ProducerPerformance";
    public static final String CONSUMER = "org.apache.kafka.tools.ConsumerPerformance";
    public static final String END_TO_END = "org.apache.kafka.tools.EndToEndLatency";
    /** ConsumerPerformance gives up after this long without a record. */
    static final long CONSUMER_IDLE_TIMEOUT_MS = 15_000;

    private PerfToolCommands() {
    }

    public static String mainClass(Workload w) {
        return switch (w.kind()) {
            case PRODUCE -> PRODUCER;
            case CONSUME -> CONSUMER;
            case END_TO_END -> END_TO_END;
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
