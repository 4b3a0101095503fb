package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetCommitRequest;
import io.samsa.protocol.message.OffsetCommitResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OffsetCommit: stores a group's offsets; each partition is acknowledged once its commit is in
 * {@code __consumer_offsets}. Version 0 commits go to ZooKeeper instead ({@link Version0OffsetStore}),
 * without membership checks, as Kafka's did; version 1 may name each commit's timestamp.
 * Partitions of topics that do not exist answer UNKNOWN_TOPIC_OR_PARTITION, as in Kafka.
 * Thread-safe.
 */
public final class OffsetCommitHandler implements ApiHandler<OffsetCommitRequest> {

    private final GroupCoordinator coordinator;
    private final MetadataCache metadata;
    private final Version0OffsetStore version0Offsets;
    private final int offsetMetadataMaxBytes;

    public OffsetCommitHandler(GroupCoordinator coordinator, MetadataCache metadata, Version0OffsetStore version0Offsets,
                               int offsetMetadataMaxBytes) {
        this.coordinator = coordinator;
        this.metadata = metadata;
        this.version0Offsets = version0Offsets;
        this.offsetMetadataMaxBytes = offsetMetadataMaxBytes;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_COMMIT;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, OffsetCommitRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        Map<TopicPartition, GroupRequests.PartitionCommit> offsets = new LinkedHashMap<>();
        Map<TopicPartition, Errors> unknown = new LinkedHashMap<>();
        for (OffsetCommitRequest.OffsetCommitRequestTopic t : body.topics()) {
            for (OffsetCommitRequest.OffsetCommitRequestPartition p : t.partitions()) {
                TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                if (snap.partition(tp).isEmpty()) {
                    unknown.put(tp, Errors.UNKNOWN_TOPIC_OR_PARTITION);
                } else {
                    offsets.put(tp, new GroupRequests.PartitionCommit(p.committedOffset(), p.committedLeaderEpoch(),
                            p.committedMetadata(), p.commitTimestamp()));
                }
            }
        }
        if (request.version() == 0) {
            Map<TopicPartition, Errors> all = commitToZooKeeper(body.groupId(), offsets);
            all.putAll(unknown);
            request.sendResponse(response(body, all));
            return;
        }
        GroupRequests.Commit commit = new GroupRequests.Commit(body.groupId(), body.memberId(), body.groupInstanceId(),
                body.generationIdOrMemberEpoch(), body.retentionTimeMs(), offsets);
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

    private Map<TopicPartition, Errors> commitToZooKeeper(String group, Map<TopicPartition, GroupRequests.PartitionCommit> offsets) {
        Map<TopicPartition, Errors> result = new LinkedHashMap<>();
        offsets.forEach((tp, c) -> {
            if (c.metadata() != null && c.metadata().length() > offsetMetadataMaxBytes) {
                result.put(tp, Errors.OFFSET_METADATA_TOO_LARGE);
                return;
            }
            try {
                version0Offsets.commit(group, tp, c.offset());
                result.put(tp, Errors.NONE);
            } catch (IllegalArgumentException e) {
                // The group id cannot name a ZooKeeper path ("" or "..", say).
                result.put(tp, Errors.INVALID_GROUP_ID);
            } catch (RuntimeException e) {
                result.put(tp, Errors.UNKNOWN_SERVER_ERROR);
            }
        });
        return result;
    }

    private static OffsetCommitResponse response(OffsetCommitRequest body, Map<TopicPartition, Errors> errors) {
        OffsetCommitResponse response = new OffsetCommitResponse();
        for (OffsetCommitRequest.OffsetCommitRequestTopic t : body.topics()) {
            OffsetCommitResponse.OffsetCommitResponseTopic rt = new OffsetCommitResponse.OffsetCommitResponseTopic().setName(t.name());
            response.topics().add(rt);
            for (OffsetCommitRequest.OffsetCommitRequestPartition p : t.partitions()) {
                Errors e = errors.getOrDefault(new TopicPartition(t.name(), p.partitionIndex()), Errors.UNKNOWN_SERVER_ERROR);
                rt.partitions().add(new OffsetCommitResponse.OffsetCommitResponsePartition()
                        .setPartitionIndex(p.partitionIndex())
                        .setErrorCode(e.code()));
            }
        }
        return response;
    }
}
