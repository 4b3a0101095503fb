package io.samsa.clients.producer.internals;

import io.samsa.clients.internals.ClientMetricRegistry;
import io.samsa.clients.internals.ClientMetricSet;
import io.samsa.clients.internals.NodeMetrics;
import io.samsa.common.Time;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The producer's metrics, with the names, meanings and windows of Kafka 3.9's: group
 * {@code producer-metrics} (records sent, failed and retried, batch sizes, compression rate,
 * records per request, request rate and latency), {@code producer-topic-metrics} per topic (tag
 * {@code topic}, from the first batch sent to it) and, through {@link NodeMetrics},
 * {@code producer-node-metrics} per broker. As in Kafka, a record counts as sent
 * ({@code record-send-rate}, {@code record-send-total}) when its batch goes out in a produce
 * request, again if it is retried. Recorded on the I/O thread once per batch or request, never
 * per record; read by any thread. Thread-safe.
 */
public final class ProducerMetrics {

    /** One topic's sensors, in {@code producer-topic-metrics}. */
    private record TopicSensors(ClientMetricSet.Sensor records, ClientMetricSet.Sensor bytes,
                                ClientMetricSet.Sensor compression, ClientMetricSet.Sensor retries,
                                ClientMetricSet.Sensor errors) {
    }

    private final ClientMetricRegistry registry;
    private final String clientId;
    private final Time time;
    private final NodeMetrics nodes;
    private final Map<String, TopicSensors> topics = new ConcurrentHashMap<>();

    final ClientMetricSet set;
    final ClientMetricSet.Sensor recordErrors;
    final ClientMetricSet.Sensor recordRetries;
    final ClientMetricSet.Sensor batchSize;
    final ClientMetricSet.Sensor compressionRate;
    final ClientMetricSet.Sensor recordsPerRequest;
    final ClientMetricSet.Sensor requestLatency;

    /** Metrics in a registry of their own, without per-node metrics (tests). */
    public ProducerMetrics(String clientId) {
        this(new ClientMetricRegistry(), clientId, null, Time.SYSTEM);
    }

    /** @param nodes where per-node request latency goes, or null */
    public ProducerMetrics(ClientMetricRegistry registry, String clientId, NodeMetrics nodes, Time time) {
        this.registry = registry;
        this.clientId = clientId;
        this.time = time;
        this.nodes = nodes;
        set = new ClientMetricSet(registry, "producer-metrics", Map.of("client-id", clientId), time);
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
                .rate("record-send-rate", "The average number of records sent per second.")
                .total("record-send-total", "The total number of records sent.")
                .countRate("request-rate", "The number of requests sent per second")
                .count("request-total", "The total number of requests sent");
        requestLatency = set.sensor()
                .avg("request-latency-avg", "The average request latency in ms")
                .max("request-latency-max", "The maximum request latency in ms");
    }

    public ClientMetricSet set() {
        return set;
    }

    /** A batch goes out in a produce request. */
    void batchSent(ProducerBatch b, long nowMs) {
        TopicSensors t = topics.computeIfAbsent(b.tp.topic(), this::registerTopic);
        int bytes = b.sizeInBytes();
        double ratio = b.compressionRate();
        t.records.record(b.recordCount(), nowMs);
        t.bytes.record(bytes, nowMs);
        t.compression.record(ratio, nowMs);
        batchSize.record(bytes, nowMs);
        compressionRate.record(ratio, nowMs);
    }

    /** A produce request with {@code records} records in its batches goes out. */
    void requestSent(int records, long nowMs) {
        recordsPerRequest.record(records, nowMs);
    }

    /** A batch of {@code records} records to {@code topic} is retried. */
    void retried(String topic, int records) {
        recordRetries.record(records);
        TopicSensors t = topics.get(topic);
        if (t != null) {
            t.retries.record(records);
        }
    }

    /** A batch of {@code records} records to {@code topic} failed for good. */
    void failed(String topic, int records) {
        recordErrors.record(records);
        TopicSensors t = topics.get(topic);
        if (t != null) {
            t.errors.record(records);
        }
    }

    /** A produce request to {@code nodeId} was answered after {@code latencyMs}. */
    void requestAnswered(int nodeId, long latencyMs, long nowMs) {
        requestLatency.record(latencyMs, nowMs);
        if (nodes != null) {
            nodes.recordLatency(nodeId, latencyMs, nowMs);
        }
    }

    private TopicSensors registerTopic(String topic) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        tags.put("topic", topic);
        ClientMetricSet t = new ClientMetricSet(registry, "producer-topic-metrics", tags, time);
        return new TopicSensors(
                t.sensor().rate("record-send-rate", "The average number of records sent per second for a topic.")
                        .total("record-send-total", "The total number of records sent for a topic."),
                t.sensor().rate("byte-rate", "The average number of bytes sent per second for a topic.")
                        .total("byte-total", "The total number of bytes sent for a topic."),
                t.sensor().avg("compression-rate", "The average compression rate of record batches for a topic, defined as "
                        + "the average ratio of the compressed batch size over the uncompressed size."),
                t.sensor().rate("record-retry-rate", "The average per-second number of retried record sends for a topic")
                        .total("record-retry-total", "The total number of retried record sends for a topic"),
                t.sensor().rate("record-error-rate", "The average per-second number of record sends that resulted in errors "
                        + "for a topic")
                        .total("record-error-total", "The total number of record sends that resulted in errors for a topic"));
    }
}
