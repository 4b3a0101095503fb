package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.log.Log;
import io.samsa.core.network.Request;
import io.samsa.core.replication.Partition;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DeleteRecordsRequest;
import io.samsa.protocol.message.DeleteRecordsResponse;

import java.util.Optional;

/**
 * DeleteRecords (v0-2): moves partition log start offsets forward on their leaders, to the given
 * offset or (for -1) the high watermark, and answers each partition's new low watermark. Records
 * below it stop being readable at once; the whole segments below it are removed by the next
 * retention pass. Refused with POLICY_VIOLATION for topics whose {@code cleanup.policy} lacks
 * {@code delete}, and with OFFSET_OUT_OF_RANGE beyond the high watermark, as in Kafka. With one
 * replica per partition the answer needs no wait for followers. Thread-safe.
 */
public final class DeleteRecordsHandler implements ApiHandler<DeleteRecordsRequest> {

    /** The request's offset meaning "up to the high watermark". */
    static final long HIGH_WATERMARK = -1L;

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;

    public DeleteRecordsHandler(ReplicaManager replicaManager, MetadataCache metadata) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_RECORDS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 2;
    }

    /** One partition's answer. */
    record Result(Errors error, long lowWatermark) {
        static Result error(Errors e) {
            return new Result(e, -1L);
        }
    }

    @Override
    public void handle(Request request, DeleteRecordsRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        DeleteRecordsResponse response = new DeleteRecordsResponse();
        for (DeleteRecordsRequest.DeleteRecordsTopic topic : body.topics()) {
            String name = topic.name();
            DeleteRecordsResponse.DeleteRecordsTopicResult topicResult = new DeleteRecordsResponse.DeleteRecordsTopicResult().setName(name);
            response.topics().add(topicResult);
            for (DeleteRecordsRequest.DeleteRecordsPartition p : topic.partitions()) {
                TopicPartition tp = new TopicPartition(name, p.partitionIndex());
                Result r = snap.partition(tp).isEmpty() ? Result.error(Errors.UNKNOWN_TOPIC_OR_PARTITION)
                        : deleteRecords(tp, p.offset());
                topicResult.partitions().add(new DeleteRecordsResponse.DeleteRecordsPartitionResult()
                        .setPartitionIndex(tp.partition())
                        .setLowWatermark(r.lowWatermark())
                        .setErrorCode(r.error().code()));
            }
        }
        request.sendResponse(response);
    }

    Result deleteRecords(TopicPartition tp, long offset) {
        Errors leader = replicaManager.leaderError(tp, -1);
        Optional<Partition> partition = replicaManager.partition(tp);
        if (leader != Errors.NONE || partition.isEmpty()) {
            return Result.error(leader != Errors.NONE ? leader : Errors.NOT_LEADER_OR_FOLLOWER);
        }
        Log log = partition.get().log();
        if (!log.config().delete()) {
            return Result.error(Errors.POLICY_VIOLATION);
        }
        long target = offset == HIGH_WATERMARK ? log.highWatermark() : offset;
        if (target < 0 || target > log.highWatermark()) {
            return Result.error(Errors.OFFSET_OUT_OF_RANGE);
        }
        try {
            return new Result(Errors.NONE, log.maybeIncrementLogStartOffset(target));
        } catch (IllegalArgumentException e) {
            // The high watermark moved below the target meanwhile (a truncation).
            return Result.error(Errors.OFFSET_OUT_OF_RANGE);
        }
    }
}
