package io.samsa.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one workload (or of a broker's start-up) on one broker, driven by one client's perf
 * tool, in one repetition: either its figures, or the reason it failed. Results made without naming
 * a client are kafka-clients' (Kafka's perf tools; a broker's start-up counts as theirs too).
 * Immutable.
 */
public final class RunResult {

    private final String workload;
    private final BrokerKind broker;
    private final ClientKind client;
    private final int repetition;
    private final Map<Metric, Double> figures;
    private final String failure;

    private RunResult(String workload, BrokerKind broker, ClientKind client, int repetition, Map<Metric, Double> figures,
                      String failure) {
        this.workload = Objects.requireNonNull(workload);
        this.broker = Objects.requireNonNull(broker);
        this.client = Objects.requireNonNull(client);
        this.repetition = repetition;
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        copy.putAll(figures);
        this.figures = Collections.unmodifiableMap(copy);
        this.failure = failure;
    }

    public static RunResult ok(String workload, BrokerKind broker, int repetition, Map<Metric, Double> figures) {
        return ok(workload, broker, ClientKind.KAFKA, repetition, figures);
    }

    public static RunResult ok(String workload, BrokerKind broker, ClientKind client, int repetition,
                               Map<Metric, Double> figures) {
        return new RunResult(workload, broker, client, repetition, figures, null);
    }

    /** A failed run; {@code partialFigures} (possibly empty) are kept for the log, never reported as medians. */
    public static RunResult failed(String workload, BrokerKind broker, ClientKind client, int repetition, String reason,
                                   Map<Metric, Double> partialFigures) {
        return new RunResult(workload, broker, client, repetition, partialFigures, Objects.requireNonNull(reason));
    }

    public static RunResult failed(String workload, BrokerKind broker, ClientKind client, int repetition, String reason) {
        return failed(workload, broker, client, repetition, reason, Map.of());
    }

    public static RunResult failed(String workload, BrokerKind broker, int repetition, String reason,
                                   Map<Metric, Double> partialFigures) {
        return failed(workload, broker, ClientKind.KAFKA, repetition, reason, partialFigures);
    }

    public static RunResult failed(String workload, BrokerKind broker, int repetition, String reason) {
        return failed(workload, broker, ClientKind.KAFKA, repetition, reason, Map.of());
    }

    public String workload() {
        return workload;
    }

    public BrokerKind broker() {
        return broker;
    }

    /** Whose perf tool drove the run. */
    public ClientKind client() {
        return client;
    }

    /** 1-based. */
    public int repetition() {
        return repetition;
    }

    public Map<Metric, Double> figures() {
        return figures;
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** Why the run failed, or null. */
    public String failure() {
        return failure;
    }

    @Override
    public String toString() {
        return workload + "/" + broker.id() + "/" + client.id() + "#" + repetition + (succeeded() ? " " + figures : " FAILED: " + failure);
    }
}
