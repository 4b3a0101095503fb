package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.Time;
import io.samsa.common.errors.TimeoutException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers {@code partitionsFor} and {@code listTopics} with Metadata requests of their own, so
 * asking about a topic does not add it to the topics the consumer's metadata follows. Owned by
 * the application thread.
 */
public final class TopicLookup {

    private final ClientIoThread io;
    private final ApplicationThreadWaiter waiter;
    private final Time time;
    private final ExponentialBackoff backoff;

    public TopicLookup(ClientIoThread io, ApplicationThreadWaiter waiter, Time time, long retryBackoffMs,
                         long retryBackoffMaxMs) {
        this.io = io;
        this.waiter = waiter;
        this.time = time;
        this.backoff = new ExponentialBackoff(retryBackoffMs, retryBackoffMaxMs);
    }

    /**
     * The partitions of {@code topic} (null: every topic), by topic; a topic that does not exist
     * is left out.
     */
    public Map<String, List<PartitionInfo>> fetch(String topic, boolean excludeInternal, long deadlineMs) {
        int attempts = 0;
        while (true) {
            ClientRequest request = ClientRequest.of(ApiKeys.METADATA, (short) 1, ApiKeys.METADATA.latestVersion(), v -> {
                MetadataRequest r = new MetadataRequest().setAllowAutoTopicCreation(false);
                return r.setTopics(topic == null ? null : List.of(new MetadataRequest.MetadataRequestTopic().setName(topic)));
            });
            CompletableFuture<ClientResponse> f = io.send(NodeTarget.leastLoaded(), request, deadlineMs);
            if (!waiter.awaitDone(f, deadlineMs)) {
                break;
            }
            boolean retry = false;
            try {
                MetadataResponse body = f.join().bodyAs();
                Map<String, List<PartitionInfo>> out = new HashMap<>();
                Map<Integer, Node> nodes = new HashMap<>();
                for (MetadataResponse.MetadataResponseBroker b : body.brokers()) {
                    nodes.put(b.nodeId(), new Node(b.nodeId(), b.host(), b.port(), b.rack()));
                }
                for (MetadataResponse.MetadataResponseTopic t : body.topics()) {
                    Errors error = Errors.forCode(t.errorCode());
                    if (error == Errors.UNKNOWN_TOPIC_OR_PARTITION || (excludeInternal && t.isInternal())) {
                        continue;
                    }
                    if (error != Errors.NONE) {
                        if (error.retriable()) {
                            retry = true;
                            continue;
                        }
                        throw error.exception("Metadata of " + t.name() + " failed");
                    }
                    List<PartitionInfo> parts = new ArrayList<>();
                    for (MetadataResponse.MetadataResponsePartition p : t.partitions()) {
                        parts.add(new PartitionInfo(t.name(), p.partitionIndex(), nodes.get(p.leaderId()),
                                nodesOf(p.replicaNodes(), nodes), nodesOf(p.isrNodes(), nodes), nodesOf(p.offlineReplicas(), nodes)));
                    }
                    out.put(t.name(), parts);
                }
                if (!retry) {
                    return out;
                }
            } catch (RuntimeException e) {
                if (!(e.getCause() instanceof io.samsa.common.errors.RetriableException)
                        && !(e.getCause() instanceof io.samsa.common.errors.DisconnectException)) {
                    throw e;
                }
            }
            long wait = Math.min(backoff.backoffMs(++attempts), deadlineMs - time.milliseconds());
            if (wait <= 0) {
                break;
            }
            waiter.await(time.milliseconds() + wait);
        }
        throw new TimeoutException("Timeout expired while fetching topic metadata");
    }

    private static Node[] nodesOf(List<Integer> ids, Map<Integer, Node> nodes) {
        Node[] out = new Node[ids.size()];
        for (int i = 0; i < out.length; i++) {
            Node n = nodes.get(ids.get(i));
            out[i] = n != null ? n : new Node(ids.get(i), "", -1);
        }
        return out;
    }
}
