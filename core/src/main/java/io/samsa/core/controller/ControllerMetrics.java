package io.samsa.core.controller;

import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.function.BooleanSupplier;

/**
 * Kafka's {@code kafka.controller:type=KafkaController} gauges: ActiveControllerCount (1 on the
 * active controller, 0 elsewhere, so a healthy cluster sums to 1) and, on the active controller,
 * OfflinePartitionsCount (partitions with no live leader, topics being deleted aside),
 * GlobalTopicCount and GlobalPartitionCount (partitions with a leadership state). As in Kafka the
 * counts are taken on the controller's event thread after every event ({@link #update}) and read
 * from volatile fields, so a JMX read never touches the controller's state. Thread-safe.
 */
public final class ControllerMetrics {

    private static final String GROUP = "kafka.controller";
    private static final String TYPE = "KafkaController";

    private volatile int offlinePartitions;
    private volatile int topics;
    private volatile int partitions;

    public ControllerMetrics(BrokerMetrics metrics, BooleanSupplier isActive) {
        metrics.gauge(name("ActiveControllerCount"), () -> isActive.getAsBoolean() ? 1 : 0);
        metrics.gauge(name("OfflinePartitionsCount"), () -> offlinePartitions);
        metrics.gauge(name("GlobalTopicCount"), () -> topics);
        metrics.gauge(name("GlobalPartitionCount"), () -> partitions);
    }

    private static KafkaMetricName name(String name) {
        return KafkaMetricName.of(GROUP, TYPE, name);
    }

    /** Takes the counts from the context; zero when this broker is not the active controller. Event thread only. */
    void update(ControllerContext context, boolean active) {
        offlinePartitions = active ? context.offlinePartitionCount() : 0;
        topics = active ? context.topics().size() : 0;
        partitions = active ? context.partitionsWithStateCount() : 0;
    }
}
