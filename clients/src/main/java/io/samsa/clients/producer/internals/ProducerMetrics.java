package io.samsa.clients.producer.internals;

import io.samsa.clients.internals.ClientMetricSet;

/**
 * The producer's metrics, with the names of Kafka's {@code producer-metrics} group: records sent,
 * failed and retried, batch sizes, records per request, request latency and compression ratio.
 * Thread-safe.
 */
public final class ProducerMetrics {

    final ClientMetricSet set;
    final ClientMetricSet.Total recordsSent;
    final ClientMetricSet.Total recordErrors;
    final ClientMetricSet.Total recordRetries;
    final ClientMetricSet.Total batchSize;
    final ClientMetricSet.Total compressionRate;
    final ClientMetricSet.Total recordsPerRequest;
    final ClientMetricSet.Total requestLatency;
    final ClientMetricSet.Total requests;

    public ProducerMetrics(String clientId) {
        set = new ClientMetricSet("producer-metrics", clientId);
        recordsSent = set.total("record-send", "Records the brokers acknowledged (or written, with acks=0)");
        recordErrors = set.total("record-error", "Records that failed");
        recordRetries = set.total("record-retry", "Records sent again after a retriable error");
        batchSize = set.average("batch-size", "Bytes per batch sent");
        compressionRate = set.average("compression-rate", "Compressed size over uncompressed size of the batches sent");
        recordsPerRequest = set.average("records-per-request", "Records per produce request");
        requestLatency = set.average("request-latency", "Milliseconds from sending a produce request to its answer");
        requests = set.total("request", "Produce requests sent");
    }

    public ClientMetricSet set() {
        return set;
    }
}
