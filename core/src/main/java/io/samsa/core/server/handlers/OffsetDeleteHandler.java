package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OffsetDelete v0: removes a group's offsets for some partitions — any of an Empty group's, or
 * those of topics a consumer group no longer subscribes to (GROUP_SUBSCRIBED_TO_TOPIC
 * otherwise). Thread-safe.
 */
public final class OffsetDeleteHandler implements ApiHandler {

    private final GroupCoordinator coordinator;
    private final MetadataCache metadata;

    public OffsetDeleteHandler(GroupCoordinator coordinator, MetadataCache metadata) {
        this.coordinator = coordinator;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_DELETE;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 0;
    }

    @Override
    public void handle(Request request, Struct body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        List<TopicPartition> known = new ArrayList<>();
        for (Struct t : body.getStructArray("topics")) {
            for (Struct p : t.getStructArray("partitions")) {
                TopicPartition tp = new TopicPartition(t.getString("name"), p.getInt("partition_index"));
                if (snap.partition(tp).isPresent()) {
                    known.add(tp);
                }
            }
        }
        coordinator.deleteOffsets(body.getString("group_id"), known, result -> {
            Struct response = new Struct(ApiKeys.OFFSET_DELETE.responseSpec().root()).set("error_code", result.error().code());
            if (result.error() == Errors.NONE) {
                addPartitions(response, body, result.partitions());
            }
            request.sendResponse(response);
        });
    }

    private static void addPartitions(Struct response, Struct body, Map<TopicPartition, Errors> errors) {
        for (Struct t : body.getStructArray("topics")) {
            String topic = t.getString("name");
            Struct rt = response.addElement("topics").set("name", topic);
            for (Struct p : t.getStructArray("partitions")) {
                int partition = p.getInt("partition_index");
                Errors e = errors.getOrDefault(new TopicPartition(topic, partition), Errors.UNKNOWN_TOPIC_OR_PARTITION);
                rt.addElement("partitions").set("partition_index", partition).set("error_code", e.code());
            }
        }
    }
}
