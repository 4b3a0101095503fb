/**
 * The broker's metrics registry ({@link io.samsa.core.metrics.BrokerMetrics}) and Kafka's metric
 * names ({@link io.samsa.core.metrics.KafkaMetricName}), published over JMX under Kafka's MBean
 * names. At the bottom layer, so every package can record into it; the metrics themselves live in
 * small {@code *Metrics} classes beside what they measure.
 */
package io.samsa.core.metrics;
