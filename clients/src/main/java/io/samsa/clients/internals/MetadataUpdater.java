package io.samsa.clients.internals;

import io.samsa.common.Node;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.MetadataRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps {@link ClientMetadata} fresh: when a refresh is due it sends one Metadata request, for the
 * followed topics or for all, to the least loaded broker it can reach. Runs on the I/O thread.
 */
final class MetadataUpdater implements ClientIoThread.Participant {

    private static final Logger log = LoggerFactory.getLogger(MetadataUpdater.class);
    /** How long to wait when no broker can be tried, before looking again. */
    private static final long NO_NODE_WAIT_MS = 50;

    private final NetworkClient network;
    private final ClientMetadata metadata;
    private final boolean allowAutoTopicCreation;
    private final int requestTimeoutMs;
    private boolean inFlight;

    MetadataUpdater(NetworkClient network, ClientMetadata metadata, boolean allowAutoTopicCreation, int requestTimeoutMs) {
        this.network = network;
        this.metadata = metadata;
        this.allowAutoTopicCreation = allowAutoTopicCreation;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    @Override
    public long poll(long nowMs) {
        if (inFlight) {
            return Long.MAX_VALUE;
        }
        long wait = metadata.timeToNextUpdateMs(nowMs);
        if (wait > 0) {
            return wait;
        }
        List<Node> nodes = metadata.cluster().nodes();
        Node node = network.leastLoadedNode(nodes, nowMs);
        if (node == null) {
            long delay = Long.MAX_VALUE;
            for (Node n : nodes) {
                delay = Math.min(delay, network.connectionDelayMs(n, nowMs));
            }
            return delay == Long.MAX_VALUE ? NO_NODE_WAIT_MS : Math.max(delay, 1);
        }
        if (!network.ready(node, nowMs)) {
            // Connecting: the selector wakes us when it completes or fails.
            return network.isBlackedOut(node, nowMs) ? Math.max(1, network.connectionDelayMs(node, nowMs)) : NO_NODE_WAIT_MS;
        }
        boolean all = metadata.wantsAllTopics();
        Set<String> topics = metadata.topics();
        ClientRequest request = ClientRequest.of(ApiKeys.METADATA, (short) 1, ApiKeys.METADATA.latestVersion(),
                v -> build(all, topics));
        metadata.attempting(nowMs);
        inFlight = true;
        network.send(node, request, nowMs, requestTimeoutMs).whenComplete((response, error) -> {
            inFlight = false;
            if (error != null) {
                log.debug("Metadata request to {} failed: {}", node, error.toString());
                metadata.failedUpdate(response == null ? nowMs : response.receivedMs());
            } else {
                metadata.update(response.bodyAs(), all, response.receivedMs());
            }
        });
        return Long.MAX_VALUE;
    }

    private MetadataRequest build(boolean all, Set<String> topics) {
        MetadataRequest request = new MetadataRequest().setAllowAutoTopicCreation(allowAutoTopicCreation);
        if (all) {
            return request.setTopics(null);
        }
        List<MetadataRequest.MetadataRequestTopic> list = new ArrayList<>();
        for (String t : topics) {
            list.add(new MetadataRequest.MetadataRequestTopic().setName(t));
        }
        return request.setTopics(list);
    }
}
