package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds each partition's leader with a Metadata request for its topics (never creating them), for
 * calls that must reach the leader (ListOffsets, DeleteRecords). An unknown topic fails its
 * partitions; an election in progress (no leader, LEADER_NOT_AVAILABLE and the like) leaves them
 * to be looked up again. Stateless; used by the I/O thread.
 */
public final class LeaderLookup implements Router<TopicPartition> {

    /** Partition errors in Metadata that mean "not settled yet, ask again". */
    private static final Set<Errors> TRANSIENT = Set.of(Errors.NOT_LEADER_OR_FOLLOWER, Errors.REPLICA_NOT_AVAILABLE,
            Errors.LEADER_NOT_AVAILABLE, Errors.BROKER_NOT_AVAILABLE, Errors.KAFKA_STORAGE_ERROR,
            Errors.UNKNOWN_TOPIC_OR_PARTITION);

    @Override
    public Destination fixed(TopicPartition key) {
        return null;
    }

    @Override
    public ClientRequest lookup(Set<TopicPartition> keys) {
        Set<String> topics = new LinkedHashSet<>();
        keys.forEach(tp -> topics.add(tp.topic()));
        List<MetadataRequest.MetadataRequestTopic> list = new ArrayList<>();
        topics.forEach(t -> list.add(new MetadataRequest.MetadataRequestTopic().setName(t)));
        MetadataRequest body = new MetadataRequest().setTopics(list).setAllowAutoTopicCreation(false);
        // allow_auto_topic_creation=false needs v4.
        return ClientRequest.of(ApiKeys.METADATA, (short) 4, ApiKeys.METADATA.latestVersion(), v -> body);
    }

    @Override
    public void onLookup(Set<TopicPartition> keys, ClientResponse response, Outcomes<TopicPartition, ?> out) {
        MetadataResponse metadata = response.bodyAs();
        Map<Integer, Node> nodes = new HashMap<>();
        for (MetadataResponse.MetadataResponseBroker b : metadata.brokers()) {
            nodes.put(b.nodeId(), new Node(b.nodeId(), b.host(), b.port(), b.rack()));
        }
        for (MetadataResponse.MetadataResponseTopic t : metadata.topics()) {
            Errors topicError = Errors.forCode(t.errorCode());
            if (topicError != Errors.NONE) {
                if (topicError != Errors.LEADER_NOT_AVAILABLE && topicError != Errors.BROKER_NOT_AVAILABLE) {
                    for (TopicPartition tp : keys) {
                        if (tp.topic().equals(t.name())) {
                            out.fail(tp, topicError.exception("Cannot find the leader of " + tp + ": " + topicError.message()));
                        }
                    }
                }
                continue;
            }
            for (MetadataResponse.MetadataResponsePartition p : t.partitions()) {
                TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                if (!keys.contains(tp)) {
                    continue;
                }
                Errors error = Errors.forCode(p.errorCode());
                if (error != Errors.NONE && !TRANSIENT.contains(error)) {
                    out.fail(tp, error.exception("Cannot find the leader of " + tp + ": " + error.message()));
                } else if (error == Errors.NONE && nodes.containsKey(p.leaderId())) {
                    out.map(tp, Destination.node(nodes.get(p.leaderId())));
                }
            }
        }
    }
}
