package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetDeleteRequest;
import io.samsa.protocol.message.OffsetDeleteResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OffsetDelete v0: removes a group's offsets for some partitions — any of an Empty group's, or
 * those of topics a consumer group no longer subscribes to (GROUP_SUBSCRIBED_TO_TOPIC
 * otherwise). Thread-safe.
 */
public final class OffsetDeleteHandler implements ApiHandler<OffsetDeleteRequest> {

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
    public void handle(Request request, OffsetDeleteRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        List<TopicPartition> known = new ArrayList<>();
        for (OffsetDeleteRequest.OffsetDeleteRequestTopic t : body.topics()) {
            for (OffsetDeleteRequest.OffsetDeleteRequestPartition p : t.partitions()) {
                TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                if (snap.partition(tp).isPresent()) {
                    known.add(tp);
                }
            }
        }
        coordinator.deleteOffsets(body.groupId(), known, result -> {
            OffsetDeleteResponse response = new OffsetDeleteResponse().setErrorCode(result.error().code());
            if (result.error() == Errors.NONE) {
                addPartitions(response, body, result.partitions());
            }
            request.sendResponse(response);
        });
    }

    private static void addPartitions(OffsetDeleteResponse response, OffsetDeleteRequest body, Map<TopicPartition, Errors> errors) {
        for (OffsetDeleteRequest.OffsetDeleteRequestTopic t : body.topics()) {
            OffsetDeleteResponse.OffsetDeleteResponseTopic rt = new OffsetDeleteResponse.OffsetDeleteResponseTopic().setName(t.name());
            response.topics().add(rt);
            for (OffsetDeleteRequest.OffsetDeleteRequestPartition p : t.partitions()) {
                Errors e = errors.getOrDefault(new TopicPartition(t.name(), p.partitionIndex()), Errors.UNKNOWN_TOPIC_OR_PARTITION);
                rt.partitions().add(new OffsetDeleteResponse.OffsetDeleteResponsePartition()
                        .setPartitionIndex(p.partitionIndex())
                        .setErrorCode(e.code()));
            }
        }
    }
}
