package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.zk.EndPoint;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.PartitionInfo;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.UpdateMetadataRequest;
import io.samsa.protocol.message.UpdateMetadataRequest.UpdateMetadataPartitionState;
import io.samsa.protocol.message.UpdateMetadataResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * UpdateMetadata from the controller: replaces this broker's view of live brokers and updates
 * partition leadership in the metadata cache. Before v5 the states are not grouped by topic, and
 * before v3 endpoints have no listener name: they are named after their security protocol, as
 * Kafka does. Thread-safe.
 */
public final class UpdateMetadataHandler implements ApiHandler<UpdateMetadataRequest> {

    /** Security protocol names by id, which name the listeners of requests before v3. */
    private static final List<String> SECURITY_PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

    private final MetadataCache cache;
    private final BrokerEpochFence fence;

    /** {@code brokerEpoch}: this broker's current registration epoch. */
    public UpdateMetadataHandler(MetadataCache cache, LongSupplier brokerEpoch) {
        this.cache = cache;
        this.fence = new BrokerEpochFence(brokerEpoch);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.UPDATE_METADATA;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 8;
    }

    @Override
    public void handle(Request request, UpdateMetadataRequest body) {
        if (fence.isStale(body.brokerEpoch())) {
            request.sendResponse(new UpdateMetadataResponse().setErrorCode(Errors.STALE_BROKER_EPOCH.code()));
            return;
        }
        short version = request.version();
        List<BrokerNode> brokers = new ArrayList<>();
        for (UpdateMetadataRequest.UpdateMetadataBroker b : body.liveBrokers()) {
            List<EndPoint> endPoints = new ArrayList<>();
            if (version == 0) {
                endPoints.add(new EndPoint("PLAINTEXT", b.v0Host(), b.v0Port(), "PLAINTEXT"));
            }
            for (UpdateMetadataRequest.UpdateMetadataEndpoint e : b.endpoints()) {
                String listener = version >= 3 ? e.listener() : securityProtocolName(e.securityProtocol());
                endPoints.add(new EndPoint(listener, e.host(), e.port(), "PLAINTEXT"));
            }
            // Before v2 no rack is sent, and the field's default is "" rather than "no rack".
            brokers.add(new BrokerNode(b.id(), List.copyOf(endPoints), version >= 2 ? b.rack() : null));
        }
        Map<String, Uuid> topicIds = new HashMap<>();
        Map<TopicPartition, PartitionInfo> states = new HashMap<>();
        // A version fills one of the two layouts and leaves the other empty.
        for (UpdateMetadataPartitionState p : body.ungroupedPartitionStates()) {
            addState(states, p.topicName(), p);
        }
        for (UpdateMetadataRequest.UpdateMetadataTopicState topic : body.topicStates()) {
            // Before v7 no topic id is sent: the ids the cache already knows must stay.
            if (version >= 7) {
                topicIds.put(topic.topicName(), topic.topicId());
            }
            for (UpdateMetadataPartitionState p : topic.partitionStates()) {
                addState(states, topic.topicName(), p);
            }
        }
        boolean applied = cache.update(body.controllerId(), body.controllerEpoch(), brokers, topicIds, states);
        request.sendResponse(new UpdateMetadataResponse()
                .setErrorCode((applied ? Errors.NONE : Errors.STALE_CONTROLLER_EPOCH).code()));
    }

    private static void addState(Map<TopicPartition, PartitionInfo> states, String topic, UpdateMetadataPartitionState p) {
        int partition = p.partitionIndex();
        states.put(new TopicPartition(topic, partition), new PartitionInfo(partition, p.leader(), p.leaderEpoch(),
                List.copyOf(p.isr()), List.copyOf(p.replicas()), List.copyOf(p.offlineReplicas()), p.zkVersion()));
    }

    private static String securityProtocolName(short id) {
        return id >= 0 && id < SECURITY_PROTOCOLS.size() ? SECURITY_PROTOCOLS.get(id) : "UNKNOWN_SECURITY_PROTOCOL_" + id;
    }
}
