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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Produce: appends each partition's batches (validated and offset-assigned in place, straight
 * from the request frame) and answers with the base offsets. Versions 0-2 carry the old message
 * formats v0 and v1, which are up-converted to a v2 batch first ({@link ProduceUpConversion}).
 * acks=0 gets no answer. Thread-safe.
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
        ProduceResponse response = new ProduceResponse();
        for (ProduceRequest.TopicProduceData topicData : body.topicData()) {
            String topic = topicData.name();
            ProduceResponse.TopicProduceResponse topicResponse = new ProduceResponse.TopicProduceResponse().setName(topic);
            response.responses().add(topicResponse);
            for (ProduceRequest.PartitionProduceData partitionData : topicData.partitionData()) {
                int partition = partitionData.index();
                AppendResult result;
                if (badAcks) {
                    result = AppendResult.error(Errors.INVALID_REQUIRED_ACKS, null);
                } else if (TopicNames.isInternal(topic)) {
                    result = AppendResult.error(Errors.INVALID_TOPIC_EXCEPTION, "Cannot append to internal topic " + topic);
                } else if (snap.partition(new TopicPartition(topic, partition)).isEmpty()) {
                    result = AppendResult.error(Errors.UNKNOWN_TOPIC_OR_PARTITION, null);
                } else {
                    result = append(new TopicPartition(topic, partition), MemoryRecordsData.bufferOf(partitionData.records()),
                            acks, request.version());
                }
                topicResponse.partitionResponses().add(new ProduceResponse.PartitionProduceResponse()
                        .setIndex(partition)
                        .setErrorCode(result.error().code())
                        .setBaseOffset(result.baseOffset())
                        .setLogAppendTimeMs(result.logAppendTime())
                        .setLogStartOffset(result.logStartOffset())
                        .setErrorMessage(result.message()));
            }
        }
        if (faults.shouldDropProduceResponse(requestCount.incrementAndGet())) {
            request.closeConnection("fault injected by a test: produce response dropped after the append");
        } else if (acks == 0) {
            request.sendNoResponse();
        } else {
            request.sendResponse(response);
        }
    }

    private AppendResult append(TopicPartition tp, ByteBuffer records, short acks, short version) {
        if (version < FIRST_V2_ONLY_VERSION) {
            ProduceUpConversion.Result converted = ProduceUpConversion.toV2(records);
            if (converted.error() != null) {
                return converted.error();
            }
            return replicaManager.appendRecords(tp, converted.records(), acks);
        }
        AppendResult broken = ProduceRecordsRules.check(records, version);
        return broken != null ? broken : replicaManager.appendRecords(tp, records, acks);
    }
}
