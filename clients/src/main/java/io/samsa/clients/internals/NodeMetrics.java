package io.samsa.clients.internals;

import io.samsa.common.Time;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kafka's per-broker-connection metrics, group {@code <client>-node-metrics} (for example
 * {@code producer-node-metrics}), tags {@code client-id} and {@code node-id=node-<id>} (bootstrap
 * connections have negative ids, {@code node--1}, as in Kafka): requests and responses counted
 * and sized, bytes each way, and request latency. A node's metrics appear when the client first
 * connects to it and stay for the client's life, as Kafka's do. Request latency is recorded by
 * the producer's sender for produce requests only, as Kafka records it, so the consumer's stays
 * NaN as Kafka's does. Thread-safe.
 */
public final class NodeMetrics {

    /** One node's sensors. */
    private record Node(ClientMetricSet.Sensor requests, ClientMetricSet.Sensor responses, ClientMetricSet.Sensor latency) {
    }

    private final ClientMetricRegistry registry;
    private final String group;
    private final String clientId;
    private final Time time;
    private final Map<Integer, Node> nodes = new ConcurrentHashMap<>();

    /** @param clientKind {@code producer} or {@code consumer}, the group's prefix */
    public NodeMetrics(ClientMetricRegistry registry, String clientKind, String clientId, Time time) {
        this.registry = registry;
        this.group = clientKind + "-node-metrics";
        this.clientId = clientId;
        this.time = time;
    }

    /** A connection to {@code nodeId} is being made: its metrics appear if they are not there yet. */
    void connecting(int nodeId) {
        nodes.computeIfAbsent(nodeId, this::register);
    }

    private Node register(int nodeId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        tags.put("node-id", "node-" + nodeId);
        ClientMetricSet set = new ClientMetricSet(registry, group, tags, time);
        ClientMetricSet.Sensor requests = set.sensor()
                .countRate("request-rate", "The number of requests sent per second")
                .count("request-total", "The total number of requests sent")
                .avg("request-size-avg", "The average size of requests sent.")
                .max("request-size-max", "The maximum size of any request sent.")
                .rate("outgoing-byte-rate", "The number of outgoing bytes per second")
                .total("outgoing-byte-total", "The total number of outgoing bytes");
        ClientMetricSet.Sensor responses = set.sensor()
                .countRate("response-rate", "The number of responses received per second")
                .count("response-total", "The total number of responses received")
                .rate("incoming-byte-rate", "The number of incoming bytes per second")
                .total("incoming-byte-total", "The total number of incoming bytes");
        ClientMetricSet.Sensor latency = set.sensor()
                .avg("request-latency-avg", "")
                .max("request-latency-max", "");
        return new Node(requests, responses, latency);
    }

    /** A request of {@code bytes} (size prefix included) went to the node. */
    void requestSent(int nodeId, int bytes, long nowMs) {
        Node n = nodes.get(nodeId);
        if (n != null) {
            n.requests.record(bytes, nowMs);
        }
    }

    /** A response of {@code bytes} (size prefix included) came from the node. */
    void responseReceived(int nodeId, int bytes, long nowMs) {
        Node n = nodes.get(nodeId);
        if (n != null) {
            n.responses.record(bytes, nowMs);
        }
    }

    /** A request to the node was answered after {@code latencyMs}. */
    public void recordLatency(int nodeId, long latencyMs, long nowMs) {
        Node n = nodes.get(nodeId);
        if (n != null) {
            n.latency.record(latencyMs, nowMs);
        }
    }
}
