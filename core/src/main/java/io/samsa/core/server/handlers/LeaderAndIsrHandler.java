package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.replication.PartitionState;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LeaderAndIsr from the controller: makes this broker leader or follower of the listed
 * partitions, creating their logs as needed. Served from v2 (partition states grouped by topic),
 * the layouts Samsa's controller sends. Thread-safe.
 */
public final class LeaderAndIsrHandler implements ApiHandler {

    private final ReplicaManager replicaManager;

    public LeaderAndIsrHandler(ReplicaManager replicaManager) {
        this.replicaManager = replicaManager;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LEADER_AND_ISR;
    }

    @Override
    public short minVersion() {
        return 2;
    }

    @Override
    public short maxVersion() {
        return 7;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        int controllerEpoch = body.getInt("controller_epoch");
        List<PartitionState> states = new ArrayList<>();
        Map<String, Uuid> topicIds = new LinkedHashMap<>();
        for (Struct topic : body.getStructArray("topic_states")) {
            String name = topic.getString("topic_name");
            Uuid id = version >= 5 ? topic.getUuid("topic_id") : Uuid.ZERO;
            topicIds.put(name, id);
            for (Struct p : topic.getStructArray("partition_states")) {
                states.add(new PartitionState(new TopicPartition(name, p.getInt("partition_index")), id,
                        p.getInt("controller_epoch"), p.getInt("leader"), p.getInt("leader_epoch"),
                        p.getIntArray("isr"), p.getInt("partition_epoch"), p.getIntArray("replicas"),
                        p.getBoolean("is_new")));
            }
        }
        Map<TopicPartition, Errors> result = replicaManager.becomeLeaderOrFollower(controllerEpoch, states);
        Struct response = new Struct(ApiKeys.LEADER_AND_ISR.responseSpec().root());
        if (result == null) {
            response.set("error_code", Errors.STALE_CONTROLLER_EPOCH.code());
            request.sendResponse(response);
            return;
        }
        response.set("error_code", Errors.NONE.code());
        if (version >= 5) {
            Map<String, Struct> byTopic = new LinkedHashMap<>();
            for (Map.Entry<TopicPartition, Errors> e : result.entrySet()) {
                Struct t = byTopic.computeIfAbsent(e.getKey().topic(), n -> response.addElement("topics")
                        .set("topic_id", topicIds.getOrDefault(n, Uuid.ZERO)));
                t.addElement("partition_errors")
                        .set("partition_index", e.getKey().partition())
                        .set("error_code", e.getValue().code());
            }
        } else {
            for (Map.Entry<TopicPartition, Errors> e : result.entrySet()) {
                response.addElement("partition_errors")
                        .set("topic_name", e.getKey().topic())
                        .set("partition_index", e.getKey().partition())
                        .set("error_code", e.getValue().code());
            }
        }
        request.sendResponse(response);
    }
}
