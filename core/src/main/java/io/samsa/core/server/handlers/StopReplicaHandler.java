package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * StopReplica from the controller: stops hosting partitions and, when asked, deletes their data
 * (topic deletion). Served from v3 (a delete flag per partition). Thread-safe.
 */
public final class StopReplicaHandler implements ApiHandler {

    private final ReplicaManager replicaManager;

    public StopReplicaHandler(ReplicaManager replicaManager) {
        this.replicaManager = replicaManager;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.STOP_REPLICA;
    }

    @Override
    public short minVersion() {
        return 3;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, Struct body) {
        int controllerEpoch = body.getInt("controller_epoch");
        List<TopicPartition> delete = new ArrayList<>();
        List<TopicPartition> keep = new ArrayList<>();
        for (Struct topic : body.getStructArray("topic_states")) {
            String name = topic.getString("topic_name");
            for (Struct p : topic.getStructArray("partition_states")) {
                TopicPartition tp = new TopicPartition(name, p.getInt("partition_index"));
                (p.getBoolean("delete_partition") ? delete : keep).add(tp);
            }
        }
        Map<TopicPartition, Errors> deleted = replicaManager.stopReplicas(controllerEpoch, delete, true);
        Map<TopicPartition, Errors> stopped = replicaManager.stopReplicas(controllerEpoch, keep, false);
        Struct response = new Struct(ApiKeys.STOP_REPLICA.responseSpec().root());
        if (deleted == null || stopped == null) {
            response.set("error_code", Errors.STALE_CONTROLLER_EPOCH.code());
            request.sendResponse(response);
            return;
        }
        response.set("error_code", Errors.NONE.code());
        for (Map<TopicPartition, Errors> m : List.of(deleted, stopped)) {
            m.forEach((tp, e) -> response.addElement("partition_errors")
                    .set("topic_name", tp.topic())
                    .set("partition_index", tp.partition())
                    .set("error_code", e.code()));
        }
        request.sendResponse(response);
    }
}
