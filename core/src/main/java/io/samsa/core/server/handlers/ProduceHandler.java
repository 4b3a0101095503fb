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
import io.samsa.protocol.Struct;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Produce: appends each partition's batches (validated and offset-assigned in place, straight
 * from the request frame) and answers with the base offsets. Versions 0-2 carry the old message
 * formats, which Samsa does not store: they are advertised (librdkafka enables compression only
 * when Produce v0 is in range) and answered with UNSUPPORTED_VERSION per partition, as Kafka 4.0
 * does. acks=0 gets no answer. Thread-safe.
 */
public final class ProduceHandler implements ApiHandler {

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
    public void handle(Request request, Struct body) {
        short acks = body.getShort("acks");
        boolean oldFormat = request.version() < 3;
        boolean badAcks = acks != 0 && acks != 1 && acks != -1;
        MetadataCache.Snapshot snap = metadata.snapshot();
        Struct response = new Struct(ApiKeys.PRODUCE.responseSpec().root());
        for (Struct topicData : body.getStructArray("topic_data")) {
            String topic = topicData.getString("name");
            Struct topicResponse = response.addElement("responses").set("name", topic);
            for (Struct partitionData : topicData.getStructArray("partition_data")) {
                int partition = partitionData.getInt("index");
                Struct pr = topicResponse.addElement("partition_responses").set("index", partition);
                AppendResult result;
                if (oldFormat) {
                    result = AppendResult.error(Errors.UNSUPPORTED_VERSION, "Produce v0-v2 (message format v0/v1) is not supported");
                } else if (badAcks) {
                    result = AppendResult.error(Errors.INVALID_REQUIRED_ACKS, null);
                } else if (TopicNames.isInternal(topic)) {
                    result = AppendResult.error(Errors.INVALID_TOPIC_EXCEPTION, "Cannot append to internal topic " + topic);
                } else if (snap.partition(new TopicPartition(topic, partition)).isEmpty()) {
                    result = AppendResult.error(Errors.UNKNOWN_TOPIC_OR_PARTITION, null);
                } else {
                    ByteBuffer records = partitionData.getBytes("records");
                    AppendResult broken = ProduceRecordsRules.check(records, request.version());
                    result = broken != null ? broken
                            : replicaManager.appendRecords(new TopicPartition(topic, partition), records, acks);
                }
                pr.set("error_code", result.error().code())
                        .set("base_offset", result.baseOffset())
                        .set("log_append_time_ms", result.logAppendTime())
                        .set("log_start_offset", result.logStartOffset())
                        .set("error_message", result.message());
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
}
