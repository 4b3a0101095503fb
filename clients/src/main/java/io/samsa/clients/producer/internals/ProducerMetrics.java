package io.samsa.clients.producer.internals;

import io.samsa.clients.internals.ClientMetricSet;

/**
 * The producer's metrics, with the names and windows of Kafka's {@code producer-metrics} group:
 * records sent, failed and retried (rate and total), batch sizes, compression rate, records per
 * request, request rate and latency. Recorded on the I/O thread once per batch or request, never
 * per record. Thread-safe.
 */
public final class ProducerMetrics {

    final ClientMetricSet set;
    final ClientMetricSet.Sensor recordsSent;
    final ClientMetricSet.Sensor recordErrors;
    final ClientMetricSet.Sensor recordRetries;
    final ClientMetricSet.Sensor batchSize;
    final ClientMetricSet.Sensor compressionRate;
    final ClientMetricSet.Sensor recordsPerRequest;
    final ClientMetricSet.Sensor requestLatency;

    public ProducerMetrics(String clientId) {
        set = new ClientMetricSet("producer-metrics", clientId);
        recordsSent = set.sensor()
                .rate("record-send-rate", "The average number of records sent per second.")
                .total("record-send-total", "The total number of records sent.");
        recordErrors = set.sensor()
                .rate("record-error-rate", "The average per-second number of record sends that resulted in errors")
                .total("record-error-total", "The total number of record sends that resulted in errors");
        recordRetries = set.sensor()
                .rate("record-retry-rate", "The average per-second number of retried record sends")
                .total("record-retry-total", "The total number of retried record sends");
        batchSize = set.sensor()
                .avg("batch-size-avg", "The average number of bytes sent per partition per-request.")
                .max("batch-size-max", "The max number of bytes sent per partition per-request.");
        compressionRate = set.sensor()
                .avg("compression-rate-avg", "The average compression rate of record batches, defined as the average ratio "
                        + "of the compressed batch size over the uncompressed size.");
        recordsPerRequest = set.sensor()
                .avg("records-per-request-avg", "The average number of records per request.")
                .countRate("request-rate", "The number of requests sent per second")
                .count("request-total", "The total number of requests sent");
        requestLatency = set.sensor()
                .avg("request-latency-avg", "The average request latency in ms")
                .max("request-latency-max", "The maximum request latency in ms");
    }

    public ClientMetricSet set() {
        return set;
    }
}
