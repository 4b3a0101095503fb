package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

/** ListOffsets: earliest, latest, max-timestamp and by-timestamp lookups on leader partitions. Thread-safe. */
public final class ListOffsetsHandler implements ApiHandler {

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;

    public ListOffsetsHandler(ReplicaManager replicaManager, MetadataCache metadata) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_OFFSETS;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        MetadataCache.Snapshot snap = metadata.snapshot();
        Struct response = new Struct(ApiKeys.LIST_OFFSETS.responseSpec().root());
        for (Struct topic : body.getStructArray("topics")) {
            String name = topic.getString("name");
            Struct topicResponse = response.addElement("topics").set("name", name);
            for (Struct p : topic.getStructArray("partitions")) {
                TopicPartition tp = new TopicPartition(name, p.getInt("partition_index"));
                int epoch = version >= 4 ? p.getInt("current_leader_epoch") : -1;
                ReplicaManager.OffsetLookup r = snap.partition(tp).isEmpty()
                        ? new ReplicaManager.OffsetLookup(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1L, -1L, -1)
                        : replicaManager.listOffset(tp, p.getLong("timestamp"), epoch);
                topicResponse.addElement("partitions")
                        .set("partition_index", tp.partition())
                        .set("error_code", r.error().code())
                        .set("timestamp", r.timestamp())
                        .set("offset", r.offset())
                        .set("leader_epoch", r.leaderEpoch());
            }
        }
        request.sendResponse(response);
    }
}
