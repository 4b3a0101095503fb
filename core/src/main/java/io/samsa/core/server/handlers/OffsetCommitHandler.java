package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OffsetCommit v2-v9: stores a group's offsets; each partition is acknowledged once its commit
 * is in {@code __consumer_offsets}. Partitions of topics that do not exist answer
 * UNKNOWN_TOPIC_OR_PARTITION, as in Kafka. Thread-safe.
 */
public final class OffsetCommitHandler implements ApiHandler {

    private final GroupCoordinator coordinator;
    private final MetadataCache metadata;

    public OffsetCommitHandler(GroupCoordinator coordinator, MetadataCache metadata) {
        this.coordinator = coordinator;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_COMMIT;
    }

    @Override
    public short minVersion() {
        return 2;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        MetadataCache.Snapshot snap = metadata.snapshot();
        Map<TopicPartition, GroupRequests.PartitionCommit> offsets = new LinkedHashMap<>();
        Map<TopicPartition, Errors> unknown = new LinkedHashMap<>();
        for (Struct t : body.getStructArray("topics")) {
            String topic = t.getString("name");
            for (Struct p : t.getStructArray("partitions")) {
                TopicPartition tp = new TopicPartition(topic, p.getInt("partition_index"));
                if (snap.partition(tp).isEmpty()) {
                    unknown.put(tp, Errors.UNKNOWN_TOPIC_OR_PARTITION);
                } else {
                    offsets.put(tp, new GroupRequests.PartitionCommit(p.getLong("committed_offset"),
                            version >= 6 ? p.getInt("committed_leader_epoch") : -1, p.getString("committed_metadata")));
                }
            }
        }
        GroupRequests.Commit commit = new GroupRequests.Commit(body.getString("group_id"), body.getString("member_id"),
                version >= 7 ? body.getString("group_instance_id") : null, body.getInt("generation_id_or_member_epoch"),
                version <= 4 ? body.getLong("retention_time_ms") : -1L, offsets);
        if (offsets.isEmpty()) {
            request.sendResponse(response(body, unknown));
            return;
        }
        coordinator.commitOffsets(commit, result -> {
            Map<TopicPartition, Errors> all = new LinkedHashMap<>(result);
            all.putAll(unknown);
            request.sendResponse(response(body, all));
        });
    }

    private static Struct response(Struct body, Map<TopicPartition, Errors> errors) {
        Struct response = new Struct(ApiKeys.OFFSET_COMMIT.responseSpec().root());
        for (Struct t : body.getStructArray("topics")) {
            String topic = t.getString("name");
            Struct rt = response.addElement("topics").set("name", topic);
            for (Struct p : t.getStructArray("partitions")) {
                int partition = p.getInt("partition_index");
                Errors e = errors.getOrDefault(new TopicPartition(topic, partition), Errors.UNKNOWN_SERVER_ERROR);
                rt.addElement("partitions").set("partition_index", partition).set("error_code", e.code());
            }
        }
        return response;
    }
}
