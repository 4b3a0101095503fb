/**
 * The broker's metrics registry ({@link io.samsa.core.metrics.BrokerMetrics}) and Kafka's metric
 * names ({@link io.samsa.core.metrics.KafkaMetricName}), published over JMX under Kafka's MBean
 * names and, when {@code metrics.http.listener} is set, over HTTP
 * ({@link io.samsa.core.metrics.MetricsHttpServer}) in Prometheus' text format with the names the
 * Prometheus JMX exporter's Kafka rules give them ({@link io.samsa.core.metrics.PrometheusExposition}),
 * beside liveness and readiness probes. At the bottom layer, so every package can record into it;
 * the metrics themselves live in small {@code *Metrics} classes beside what they measure.
 */
package io.samsa.core.metrics;
