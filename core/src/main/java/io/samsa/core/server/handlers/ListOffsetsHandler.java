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

/**
 * ListOffsets: earliest, latest, max-timestamp and by-timestamp lookups on leader partitions.
 * Version 0 answers with a list of offsets instead of one offset and its timestamp: the list
 * holds the offset found, if any. Thread-safe.
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
        return 1;
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
                ReplicaManager.OffsetLookup r = snap.partition(tp).isEmpty()
                        ? new ReplicaManager.OffsetLookup(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1L, -1L, -1)
                        : replicaManager.listOffset(tp, p.timestamp(), p.currentLeaderEpoch());
                ListOffsetsResponse.ListOffsetsPartitionResponse partitionResponse = new ListOffsetsResponse.ListOffsetsPartitionResponse()
                        .setPartitionIndex(tp.partition())
                        .setErrorCode(r.error().code());
                if (version == 0) {
                    if (r.offset() >= 0 && p.maxNumOffsets() > 0) {
                        partitionResponse.oldStyleOffsets().add(r.offset());
                    }
                } else {
                    partitionResponse.setTimestamp(r.timestamp()).setOffset(r.offset());
                }
                // Versions before 4 lack the epoch, and it is not ignorable: they must find it at its default.
                if (version >= 4) {
                    partitionResponse.setLeaderEpoch(r.leaderEpoch());
                }
                topicResponse.partitions().add(partitionResponse);
            }
        }
        request.sendResponse(response);
    }
}
