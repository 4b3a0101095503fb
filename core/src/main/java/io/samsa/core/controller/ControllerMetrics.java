package io.samsa.core.controller;

import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.function.BooleanSupplier;

/**
 * Kafka's {@code kafka.controller:type=KafkaController} gauges. For now ActiveControllerCount: 1 on
 * the broker that is the active controller, 0 elsewhere, so the sum over a healthy cluster is 1.
 * Thread-safe.
 */
public final class ControllerMetrics {

    private static final String GROUP = "kafka.controller";
    private static final String TYPE = "KafkaController";

    public ControllerMetrics(BrokerMetrics metrics, BooleanSupplier isActive) {
        metrics.gauge(KafkaMetricName.of(GROUP, TYPE, "ActiveControllerCount"), () -> isActive.getAsBoolean() ? 1 : 0);
    }
}
