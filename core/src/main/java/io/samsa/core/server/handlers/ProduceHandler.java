package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.AppendResult;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.FaultHooks;
import io.samsa.core.server.TopicNames;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.ProduceRequest;
import io.samsa.protocol.message.ProduceResponse;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Produce: appends each partition's batches (validated and offset-assigned in place, straight
 * from the request frame) and answers with the base offsets. Versions 0-2 carry the old message
 * formats v0 and v1, which are up-converted to a v2 batch first ({@link ProduceUpConversion}).
 * With {@code acks=all} the answer waits until the records are committed (the replica manager's
 * purgatory); acks=0 gets no answer. Thread-safe.
 */
public final class ProduceHandler implements ApiHandler<ProduceRequest> {

    /** Produce v3 brought record batches v2 and takes nothing else; v0-v2 were made for formats v0 and v1. */
    private static final short FIRST_V2_ONLY_VERSION = 3;

    private final ReplicaManager replicaManager;
    private final MetadataCache metadata;
    private final FaultHooks faults;
    private final AtomicInteger requestCount = new AtomicInteger();

    public ProduceHandler(ReplicaManager replicaManager, MetadataCache metadata, FaultHooks faults) {
        this.replicaManager = replicaManager;
        this.metadata = metadata;
        this.faults = faults;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.PRODUCE;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 11;
    }

    @Override
    public void handle(Request request, ProduceRequest body) {
        short acks = body.acks();
        boolean badAcks = acks != 0 && acks != 1 && acks != -1;
        MetadataCache.Snapshot snap = metadata.snapshot();
        Map<TopicPartition, AppendResult> refused = new HashMap<>();
        Map<TopicPartition, ByteBuffer> toAppend = new LinkedHashMap<>();
        for (ProduceRequest.TopicProduceData topicData : body.topicData()) {
            String topic = topicData.name();
            for (ProduceRequest.PartitionProduceData partitionData : topicData.partitionData()) {
                TopicPartition tp = new TopicPartition(topic, partitionData.index());
                AppendResult refusal;
                if (badAcks) {
                    refusal = AppendResult.error(Errors.INVALID_REQUIRED_ACKS, null);
                } else if (TopicNames.isInternal(topic)) {
                    refusal = AppendResult.error(Errors.INVALID_TOPIC_EXCEPTION, "Cannot append to internal topic " + topic);
                } else if (snap.partition(tp).isEmpty()) {
                    refusal = AppendResult.error(Errors.UNKNOWN_TOPIC_OR_PARTITION, null);
                } else {
                    refusal = prepare(tp, MemoryRecordsData.bufferOf(partitionData.records()), request.version(), toAppend);
                }
                if (refusal != null) {
                    refused.put(tp, refusal);
                }
            }
        }
        if (toAppend.isEmpty()) {
            respond(request, body, refused);
            return;
        }
        replicaManager.appendRecords(toAppend, acks, body.timeoutMs(), appended -> {
            Map<TopicPartition, AppendResult> all = new HashMap<>(refused);
            all.putAll(appended);
            respond(request, body, all);
        });
        // The records are in the log now; a produce waiting for its replicas needs none of the frame.
        request.releaseFrame();
    }

    /** Queues the partition's records for the append, up-converted if old-format; or the refusal. */
    private static AppendResult prepare(TopicPartition tp, ByteBuffer records, short version, Map<TopicPartition, ByteBuffer> toAppend) {
        if (version < FIRST_V2_ONLY_VERSION) {
            ProduceUpConversion.Result converted = ProduceUpConversion.toV2(records);
            if (converted.error() != null) {
                return converted.error();
            }
            toAppend.put(tp, converted.records());
            return null;
        }
        AppendResult broken = ProduceRecordsRules.check(records, version);
        if (broken == null) {
            toAppend.put(tp, records);
        }
        return broken;
    }

    private void respond(Request request, ProduceRequest body, Map<TopicPartition, AppendResult> results) {
        if (faults.shouldDropProduceResponse(requestCount.incrementAndGet())) {
            request.closeConnection("fault injected by a test: produce response dropped after the append");
            return;
        }
        if (body.acks() == 0) {
            request.sendNoResponse();
            return;
        }
        ProduceResponse response = new ProduceResponse();
        for (ProduceRequest.TopicProduceData topicData : body.topicData()) {
            ProduceResponse.TopicProduceResponse topicResponse = new ProduceResponse.TopicProduceResponse().setName(topicData.name());
            response.responses().add(topicResponse);
            for (ProduceRequest.PartitionProduceData partitionData : topicData.partitionData()) {
                AppendResult result = results.get(new TopicPartition(topicData.name(), partitionData.index()));
                topicResponse.partitionResponses().add(new ProduceResponse.PartitionProduceResponse()
                        .setIndex(partitionData.index())
                        .setErrorCode(result.error().code())
                        .setBaseOffset(result.baseOffset())
                        .setLogAppendTimeMs(result.logAppendTime())
                        .setLogStartOffset(result.logStartOffset())
                        .setErrorMessage(result.message()));
            }
        }
        request.sendResponse(response);
    }
}
