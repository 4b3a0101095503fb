package io.samsa.core.network;

import io.samsa.common.Errors;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ByteBufferSink;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RequestHeader;
import io.samsa.protocol.message.CreateTopicsRequest;
import io.samsa.protocol.message.CreateTopicsResponse;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;
import io.samsa.protocol.message.ProduceRequest;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests a client sent before closing its connection are still served, as Kafka serves them: an
 * acks=0 producer writes its last batches and closes at once, and those records must not vanish.
 */
@Tag("integration")
@Timeout(60)
class PeerCloseTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    @Test
    void pipelinedAcksZeroProducesSurviveTheClientClosing() throws Exception {
        try (BrokerConnection c = connect()) {
            CreateTopicsRequest create = new CreateTopicsRequest().setTimeoutMs(30000);
            create.topics().add(new CreateTopicsRequest.CreatableTopic().setName("fire-and-forget").setNumPartitions(1)
                    .setReplicationFactor((short) 1));
            CreateTopicsResponse response = c.send(create, (short) 7);
            assertEquals(Errors.NONE.code(), response.topics().get(0).errorCode());
        }
        int batches = 50;
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (int i = 0; i < batches; i++) {
            MemoryRecords records = MemoryRecords.builder(CompressionType.NONE, 0L).append(i, null, new byte[100]).build();
            ProduceRequest body = new ProduceRequest().setAcks((short) 0).setTimeoutMs(30000).setTopicData(List.of(
                    new ProduceRequest.TopicProduceData().setName("fire-and-forget").setPartitionData(List.of(
                            new ProduceRequest.PartitionProduceData().setIndex(0).setRecords(new MemoryRecordsData(records.buffer()))))));
            frames.write(frame(body, (short) 9, i + 1));
        }
        try (BrokerConnection producer = connect()) {
            producer.sendRaw(frames.toByteArray());
        }
        try (BrokerConnection c = connect()) {
            Wait.until("all " + batches + " records appended", Duration.ofSeconds(30), () -> endOffset(c) == batches);
        }
    }

    private static long endOffset(BrokerConnection c) {
        ListOffsetsRequest request = new ListOffsetsRequest().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsRequest.ListOffsetsTopic().setName("fire-and-forget").setPartitions(List.of(
                        new ListOffsetsRequest.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-1L)))));
        try {
            ListOffsetsResponse response = c.send(request, (short) 7);
            return response.topics().get(0).partitions().get(0).offset();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] frame(ProduceRequest body, short version, int correlationId) {
        RequestHeader header = new RequestHeader(ApiKeys.PRODUCE.id(), version, correlationId, "peer-close-test");
        int size = header.size() + body.size(version);
        ByteBuffer buf = ByteBuffer.allocate(4 + size).putInt(size);
        ByteBufferSink sink = new ByteBufferSink(buf);
        header.writeTo(sink);
        body.write(sink, version);
        return buf.array();
    }

    private static BrokerConnection connect() throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(0), "peer-close-test", 10_000);
    }
}
