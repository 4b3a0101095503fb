package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * ListOffsets: earliest, latest, max-timestamp and by-timestamp lookups on leader partitions.
 * Version 0 works as it first did: a list of up to {@code max_num_offsets} segment offsets written
 * before the time ({@link ReplicaManager#offsetsBefore}). Thread-safe.
 */
public final class ListOffsetsHandler implements ApiHandler<ListOffsetsRequest> {

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
        return 0;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, ListOffsetsRequest body) {
        short version = request.version();
        MetadataCache.Snapshot snap = metadata.snapshot();
        ListOffsetsResponse response = new ListOffsetsResponse();
        for (ListOffsetsRequest.ListOffsetsTopic topic : body.topics()) {
            String name = topic.name();
            ListOffsetsResponse.ListOffsetsTopicResponse topicResponse = new ListOffsetsResponse.ListOffsetsTopicResponse().setName(name);
            response.topics().add(topicResponse);
            for (ListOffsetsRequest.ListOffsetsPartition p : topic.partitions()) {
                TopicPartition tp = new TopicPartition(name, p.partitionIndex());
                ListOffsetsResponse.ListOffsetsPartitionResponse partitionResponse = version == 0
                        ? oldStyle(snap, tp, p, body.replicaId())
                        : lookup(snap, tp, p, version, body.replicaId());
                topicResponse.partitions().add(partitionResponse.setPartitionIndex(tp.partition()));
            }
        }
        request.sendResponse(response);
    }

    /** Version 0: a list of offsets before a time, as ListOffsets first worked. */
    private ListOffsetsResponse.ListOffsetsPartitionResponse oldStyle(MetadataCache.Snapshot snap, TopicPartition tp,
                                                                      ListOffsetsRequest.ListOffsetsPartition p, int replicaId) {
        ReplicaManager.OldStyleOffsets r = snap.partition(tp).isEmpty()
                ? new ReplicaManager.OldStyleOffsets(Errors.UNKNOWN_TOPIC_OR_PARTITION, List.of())
                : replicaManager.offsetsBefore(tp, p.timestamp(), p.maxNumOffsets(), replicaId);
        return new ListOffsetsResponse.ListOffsetsPartitionResponse()
                .setErrorCode(r.error().code())
                .setOldStyleOffsets(new ArrayList<>(r.offsets()));
    }

    private ListOffsetsResponse.ListOffsetsPartitionResponse lookup(MetadataCache.Snapshot snap, TopicPartition tp,
                                                                    ListOffsetsRequest.ListOffsetsPartition p, short version,
                                                                    int replicaId) {
        ReplicaManager.OffsetLookup r = snap.partition(tp).isEmpty()
                ? new ReplicaManager.OffsetLookup(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1L, -1L, -1)
                : replicaManager.listOffset(tp, p.timestamp(), p.currentLeaderEpoch(), replicaId);
        ListOffsetsResponse.ListOffsetsPartitionResponse response = new ListOffsetsResponse.ListOffsetsPartitionResponse()
                .setErrorCode(r.error().code())
                .setTimestamp(r.timestamp())
                .setOffset(r.offset());
        // Versions before 4 lack the epoch, and it is not ignorable: they must find it at its default.
        if (version >= 4) {
            response.setLeaderEpoch(r.leaderEpoch());
        }
        return response;
    }
}
