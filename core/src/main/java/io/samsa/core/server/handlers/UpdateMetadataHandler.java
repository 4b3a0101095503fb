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
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * UpdateMetadata from the controller: replaces this broker's view of live brokers and updates
 * partition leadership in the metadata cache. Served from v5 (states grouped by topic, listener
 * names on endpoints). Thread-safe.
 */
public final class UpdateMetadataHandler implements ApiHandler {

    private final MetadataCache cache;

    public UpdateMetadataHandler(MetadataCache cache) {
        this.cache = cache;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.UPDATE_METADATA;
    }

    @Override
    public short minVersion() {
        return 5;
    }

    @Override
    public short maxVersion() {
        return 8;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        List<BrokerNode> brokers = new ArrayList<>();
        for (Struct b : body.getStructArray("live_brokers")) {
            List<EndPoint> endPoints = new ArrayList<>();
            for (Struct e : b.getStructArray("endpoints")) {
                endPoints.add(new EndPoint(e.getString("listener"), e.getString("host"), e.getInt("port"), "PLAINTEXT"));
            }
            brokers.add(new BrokerNode(b.getInt("id"), List.copyOf(endPoints), b.getString("rack")));
        }
        Map<String, Uuid> topicIds = new HashMap<>();
        Map<TopicPartition, PartitionInfo> states = new HashMap<>();
        for (Struct topic : body.getStructArray("topic_states")) {
            String name = topic.getString("topic_name");
            if (version >= 7) {
                topicIds.put(name, topic.getUuid("topic_id"));
            }
            for (Struct p : topic.getStructArray("partition_states")) {
                int partition = p.getInt("partition_index");
                states.put(new TopicPartition(name, partition), new PartitionInfo(partition, p.getInt("leader"),
                        p.getInt("leader_epoch"), List.copyOf(p.getIntArray("isr")), List.copyOf(p.getIntArray("replicas")),
                        List.copyOf(p.getIntArray("offline_replicas")), p.getInt("zk_version")));
            }
        }
        boolean applied = cache.update(body.getInt("controller_id"), body.getInt("controller_epoch"), brokers, topicIds, states);
        Struct response = new Struct(ApiKeys.UPDATE_METADATA.responseSpec().root());
        response.set("error_code", (applied ? Errors.NONE : Errors.STALE_CONTROLLER_EPOCH).code());
        request.sendResponse(response);
    }
}
