package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.EpochEndOffset;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetForLeaderEpochRequest;
import io.samsa.protocol.message.OffsetForLeaderEpochResponse;

/**
 * OffsetForLeaderEpoch: for each partition, the largest leader epoch at most the one asked for and
 * the offset where it ended, from the log's leader-epoch cache ({@link ReplicaManager#lastOffsetForLeaderEpoch}).
 * Java consumers use it to check their position after a leader change (KIP-320), followers to
 * find where their log diverged from the leader's. Thread-safe.
 */
public final class OffsetForLeaderEpochHandler implements ApiHandler<OffsetForLeaderEpochRequest> {

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;

    public OffsetForLeaderEpochHandler(ReplicaManager replicaManager, MetadataCache metadata) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.OFFSET_FOR_LEADER_EPOCH;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, OffsetForLeaderEpochRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        OffsetForLeaderEpochResponse response = new OffsetForLeaderEpochResponse();
        for (OffsetForLeaderEpochRequest.OffsetForLeaderTopic topic : body.topics()) {
            OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult result =
                    new OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult().setTopic(topic.topic());
            response.topics().add(result);
            for (OffsetForLeaderEpochRequest.OffsetForLeaderPartition p : topic.partitions()) {
                TopicPartition tp = new TopicPartition(topic.topic(), p.partition());
                EpochEndOffset end = snap.partition(tp).isEmpty()
                        ? new EpochEndOffset(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1L)
                        : replicaManager.lastOffsetForLeaderEpoch(tp, p.currentLeaderEpoch(), p.leaderEpoch(), body.replicaId());
                result.partitions().add(new OffsetForLeaderEpochResponse.EpochEndOffset()
                        .setPartition(p.partition())
                        .setErrorCode(end.error().code())
                        .setLeaderEpoch(end.leaderEpoch())
                        .setEndOffset(end.endOffset()));
            }
        }
        request.sendResponse(response);
    }
}
