package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.clients.internals.RequestSender;
import io.samsa.common.MockTime;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Node;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link RequestSender} a test drives by hand: every request is kept with a future the test
 * completes ({@link Sent#answer}), or, with a {@link #responder}, is answered at once. Answers
 * carry the mock clock's send and receive times, so latencies are what the test advanced the clock
 * by. Not thread-safe.
 */
final class ScriptedSender implements RequestSender {

    static final Node BROKER = new Node(1, "h1", 1);

    /** One request sent, at {@code sentMs}. */
    final class Sent {
        final NodeTarget target;
        final ClientRequest request;
        final long sentMs;
        final CompletableFuture<ClientResponse> future = new CompletableFuture<>();

        Sent(NodeTarget target, ClientRequest request, long sentMs) {
            this.target = target;
            this.request = request;
            this.sentMs = sentMs;
        }

        /** The body as built at the request's highest version. */
        @SuppressWarnings("unchecked")
        <T extends ApiMessage> T body() {
            return (T) request.builder().apply(request.maxVersion());
        }

        /** Completes the request with {@code body}, received now. */
        void answer(ApiMessage body) {
            future.complete(new ClientResponse(BROKER, request.api(), request.maxVersion(), body, sentMs, time.milliseconds()));
        }
    }

    private final MockTime time;
    final List<Sent> sent = new ArrayList<>();
    /** When set, answers every request at once with what it returns. */
    Function<Sent, ApiMessage> responder;

    ScriptedSender(MockTime time) {
        this.time = time;
    }

    @Override
    public CompletableFuture<ClientResponse> send(NodeTarget target, ClientRequest request, long deadlineMs, int timeoutMs) {
        Sent s = new Sent(target, request, time.milliseconds());
        sent.add(s);
        if (responder != null) {
            s.answer(responder.apply(s));
        }
        return s.future;
    }

    Sent last() {
        return sent.get(sent.size() - 1);
    }

    /** Metadata in which {@link #BROKER} leads every partition of {@code topic}. */
    static ClientMetadata metadata(MockTime time, String topic, int partitions) {
        MetadataResponse m = new MetadataResponse().setClusterId("c").setControllerId(BROKER.id());
        m.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(BROKER.id()).setHost(BROKER.host())
                .setPort(BROKER.port()));
        MetadataResponse.MetadataResponseTopic t = new MetadataResponse.MetadataResponseTopic().setName(topic);
        for (int p = 0; p < partitions; p++) {
            t.partitions().add(new MetadataResponse.MetadataResponsePartition().setPartitionIndex(p).setLeaderId(BROKER.id())
                    .setLeaderEpoch(0).setReplicaNodes(List.of(BROKER.id())).setIsrNodes(List.of(BROKER.id())));
        }
        m.topics().add(t);
        ClientMetadata metadata = new ClientMetadata(List.of(new Node(-1, "h", 1)), 300_000, 100, time);
        metadata.addTopics(List.of(topic));
        metadata.update(m, false, time.milliseconds());
        return metadata;
    }

    /** The value of metric {@code name} of {@code group}, checking it is tagged with client id {@code clientId}. */
    static Object metric(ConsumerMetrics metrics, String group, String name, String clientId) {
        for (Map.Entry<MetricName, Metric> e : metrics.metrics().entrySet()) {
            // The client-level metric: per-partition ones of the same name have more tags.
            if (e.getKey().name().equals(name) && e.getKey().group().equals(group)
                    && e.getKey().tags().equals(Map.of("client-id", clientId))) {
                return e.getValue().metricValue();
            }
        }
        throw new AssertionError("no metric " + group + ":" + name + " tagged only client-id=" + clientId);
    }
}
