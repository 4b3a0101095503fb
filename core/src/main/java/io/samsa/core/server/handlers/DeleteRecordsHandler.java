package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.DeleteRecordsResult;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DeleteRecordsRequest;
import io.samsa.protocol.message.DeleteRecordsResponse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * DeleteRecords (v0-2): moves partition log start offsets forward on their leaders, to the given
 * offset or (for -1) the high watermark, and answers each partition's new low watermark. Records
 * below it stop being readable at once; the whole segments below it are removed by the next
 * retention pass. Refused with POLICY_VIOLATION for topics whose {@code cleanup.policy} lacks
 * {@code delete}, and with OFFSET_OUT_OF_RANGE beyond the high watermark, as in Kafka. The answer
 * waits until every replica has dropped the records, or {@code timeout_ms}. Thread-safe.
 */
public final class DeleteRecordsHandler implements ApiHandler<DeleteRecordsRequest> {

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

    @Override
    public void handle(Request request, DeleteRecordsRequest body) {
        MetadataCache.Snapshot snap = metadata.snapshot();
        Map<TopicPartition, DeleteRecordsResult> unknown = new HashMap<>();
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        for (DeleteRecordsRequest.DeleteRecordsTopic topic : body.topics()) {
            for (DeleteRecordsRequest.DeleteRecordsPartition p : topic.partitions()) {
                TopicPartition tp = new TopicPartition(topic.name(), p.partitionIndex());
                if (snap.partition(tp).isEmpty()) {
                    unknown.put(tp, DeleteRecordsResult.error(Errors.UNKNOWN_TOPIC_OR_PARTITION));
                } else {
                    offsets.put(tp, p.offset());
                }
            }
        }
        replicaManager.deleteRecords(offsets, body.timeoutMs(), results -> {
            Map<TopicPartition, DeleteRecordsResult> all = new HashMap<>(unknown);
            all.putAll(results);
            request.sendResponse(response(body, all));
        });
    }

    private static DeleteRecordsResponse response(DeleteRecordsRequest body, Map<TopicPartition, DeleteRecordsResult> results) {
        DeleteRecordsResponse response = new DeleteRecordsResponse();
        for (DeleteRecordsRequest.DeleteRecordsTopic topic : body.topics()) {
            DeleteRecordsResponse.DeleteRecordsTopicResult topicResult = new DeleteRecordsResponse.DeleteRecordsTopicResult()
                    .setName(topic.name());
            response.topics().add(topicResult);
            for (DeleteRecordsRequest.DeleteRecordsPartition p : topic.partitions()) {
                DeleteRecordsResult r = results.get(new TopicPartition(topic.name(), p.partitionIndex()));
                topicResult.partitions().add(new DeleteRecordsResponse.DeleteRecordsPartitionResult()
                        .setPartitionIndex(p.partitionIndex())
                        .setLowWatermark(r.lowWatermark())
                        .setErrorCode(r.error().code()));
            }
        }
        return response;
    }
}
