package io.samsa.core.purgatory;

import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

/**
 * Kafka's purgatory gauges, {@code kafka.server:type=DelayedOperationPurgatory,name=X,delayedOperation=<purgatory>}:
 * PurgatorySize (entries in the watch lists; an operation watching several keys counts once per
 * key, and a completed one until it is swept, as in Kafka) and NumDelayedOperations (operations
 * waiting for their deadline). Thread-safe.
 */
public final class PurgatoryMetrics {

    private static final String GROUP = "kafka.server";
    private static final String TYPE = "DelayedOperationPurgatory";

    private PurgatoryMetrics() {
    }

    /** Publishes the gauges of {@code purgatory}, tagged with its name ("Produce", "Fetch", ...). */
    public static void register(BrokerMetrics metrics, DelayedOperationPurgatory<?, ?> purgatory) {
        metrics.gauge(name("PurgatorySize", purgatory), purgatory::watched);
        metrics.gauge(name("NumDelayedOperations", purgatory), purgatory::delayed);
    }

    private static KafkaMetricName name(String name, DelayedOperationPurgatory<?, ?> purgatory) {
        return KafkaMetricName.of(GROUP, TYPE, name).withTag("delayedOperation", purgatory.name());
    }
}
