package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.TopicDescription;
import io.samsa.clients.admin.TopicListing;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.common.Uuid;
import io.samsa.common.errors.UnknownTopicOrPartitionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Listing and describing topics: Metadata requests to the least loaded broker, which never create
 * a topic. A topic the broker reports with an error (UNKNOWN_TOPIC_OR_PARTITION, ...) fails with
 * that error's exception, as Kafka's client does. Thread-safe: each call's state lives on the I/O
 * thread.
 */
public final class TopicMetadataCalls {

    private final CallRunner runner;

    public TopicMetadataCalls(CallRunner runner) {
        this.runner = runner;
    }

    /** Every topic, internal ones only if {@code listInternal}. */
    public CompletableFuture<Map<String, TopicListing>> list(boolean listInternal, Integer timeoutMs) {
        return runner.callOne("listTopics", runner.deadline(timeoutMs), Destination.any(), new Fulfiller<>() {
            @Override
            public ClientRequest request(Destination destination, Set<String> keys, int requestTimeoutMs) {
                MetadataRequest body = new MetadataRequest().setTopics(null);
                return ClientRequest.of(ApiKeys.METADATA, (short) 1, ApiKeys.METADATA.latestVersion(), v -> body);
            }

            @Override
            public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                                   Outcomes<String, Map<String, TopicListing>> out) {
                MetadataResponse body = response.bodyAs();
                Map<String, TopicListing> listings = new LinkedHashMap<>();
                for (MetadataResponse.MetadataResponseTopic t : body.topics()) {
                    if (!t.isInternal() || listInternal) {
                        listings.put(t.name(), new TopicListing(t.name(), topicId(t), t.isInternal()));
                    }
                }
                out.completeAll(listings);
            }
        });
    }

    /** Describes each topic named. */
    public Map<String, CompletableFuture<TopicDescription>> describe(Collection<String> topics, Integer timeoutMs) {
        Map<String, CompletableFuture<TopicDescription>> called = runner.call("describeTopics", runner.deadline(timeoutMs),
                Keys.valid(topics, Keys::representable), Router.to(Destination.any()), new DescribeTopics());
        return Keys.merge(topics, called, Keys::unrepresentable);
    }

    private static Uuid topicId(MetadataResponse.MetadataResponseTopic t) {
        return t.topicId() == null ? Uuid.ZERO : t.topicId();
    }

    static final class DescribeTopics implements Fulfiller<String, TopicDescription> {

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            List<MetadataRequest.MetadataRequestTopic> list = new ArrayList<>();
            keys.forEach(k -> list.add(new MetadataRequest.MetadataRequestTopic().setName(k)));
            MetadataRequest body = new MetadataRequest().setTopics(list).setAllowAutoTopicCreation(false);
            // allow_auto_topic_creation=false needs v4.
            return ClientRequest.of(ApiKeys.METADATA, (short) 4, ApiKeys.METADATA.latestVersion(), v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, TopicDescription> out) {
            MetadataResponse body = response.bodyAs();
            Map<Integer, Node> nodes = new HashMap<>();
            for (MetadataResponse.MetadataResponseBroker b : body.brokers()) {
                nodes.put(b.nodeId(), new Node(b.nodeId(), b.host(), b.port(), b.rack()));
            }
            for (MetadataResponse.MetadataResponseTopic t : body.topics()) {
                Errors error = Errors.forCode(t.errorCode());
                if (error != Errors.NONE) {
                    out.fail(t.name(), error.exception());
                    continue;
                }
                List<TopicPartitionInfo> partitions = new ArrayList<>();
                for (MetadataResponse.MetadataResponsePartition p : t.partitions()) {
                    partitions.add(new TopicPartitionInfo(p.partitionIndex(), nodes.get(p.leaderId()),
                            nodesOf(p.replicaNodes(), nodes), nodesOf(p.isrNodes(), nodes)));
                }
                partitions.sort(Comparator.comparingInt(TopicPartitionInfo::partition));
                out.complete(t.name(), new TopicDescription(t.name(), t.isInternal(), partitions, topicId(t)));
            }
            for (String missing : out.undecided()) {
                out.fail(missing, new UnknownTopicOrPartitionException("Topic " + missing + " not found."));
            }
        }

        private static List<Node> nodesOf(List<Integer> ids, Map<Integer, Node> nodes) {
            List<Node> out = new ArrayList<>(ids.size());
            for (int id : ids) {
                // A replica on a broker that is down is still named, as Kafka's client does.
                out.add(nodes.getOrDefault(id, new Node(id, "", -1)));
            }
            return out;
        }
    }
}
