package io.samsa.core.network;

import io.samsa.common.Errors;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ByteBufferSink;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RequestHeader;
import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.ApiVersionsResponse;
import io.samsa.protocol.message.CreateTopicsRequest;
import io.samsa.protocol.message.CreateTopicsResponse;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;
import io.samsa.protocol.message.ProduceRequest;
import io.samsa.protocol.message.ProduceResponse;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed or unsupported requests close only the offending connection (the broker keeps
 * serving everyone else), and bad data gets Kafka's error codes.
 */
@Tag("integration")
@Timeout(120)
class BadInputTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of("auto.create.topics.enable", "false", "message.max.bytes", "10000"));

    @BeforeAll
    static void start() throws Exception {
        try (BrokerConnection c = connect()) {
            CreateTopicsRequest create = new CreateTopicsRequest().setTimeoutMs(30000);
            create.topics().add(new CreateTopicsRequest.CreatableTopic().setName("data").setNumPartitions(1)
                    .setReplicationFactor((short) 1));
            CreateTopicsResponse response = c.send(create, (short) 7);
            assertEquals(Errors.NONE.code(), response.topics().get(0).errorCode());
        }
    }

    private static BrokerConnection connect() throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(0), "bad-input-test", 10_000);
    }

    /** The broker still answers a well-formed request on a fresh connection. */
    private static void assertStillServing() throws IOException {
        try (BrokerConnection c = connect()) {
            ApiVersionsResponse response = c.send(new ApiVersionsRequest()
                    .setClientSoftwareName("test").setClientSoftwareVersion("1"), (short) 3);
            assertEquals(Errors.NONE.code(), response.errorCode());
        }
    }

    private static void assertClosedAfter(byte[] bytes) throws IOException {
        try (BrokerConnection bystander = connect(); BrokerConnection c = connect()) {
            c.sendRaw(bytes);
            assertTrue(c.isClosedByPeer(), "the broker closes the offending connection");
            // An unrelated connection opened before the bad input is unaffected.
            MetadataResponse response = bystander.send(new MetadataRequest(), (short) 12);
            assertEquals(1, response.brokers().size());
        }
        assertStillServing();
    }

    private static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
    }

    @Test
    void garbageBytesCloseTheConnection() throws IOException {
        byte[] garbage = new byte[64];
        ThreadLocalRandom.current().nextBytes(garbage);
        garbage[0] = 0;
        garbage[1] = 0;
        garbage[2] = 0;
        garbage[3] = 60;
        assertClosedAfter(garbage);
    }

    @Test
    void twoGigabyteLengthPrefixClosesTheConnection() throws IOException {
        assertClosedAfter(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0});
    }

    @Test
    void negativeLengthPrefixClosesTheConnection() throws IOException {
        assertClosedAfter(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0});
    }

    @Test
    void truncatedRequestClosesTheConnection() throws IOException {
        // A Metadata v1 request whose topic array claims 1000 entries but carries none.
        ByteBuffer body = ByteBuffer.allocate(64);
        new RequestHeader(ApiKeys.METADATA.id(), (short) 1, 7, "c").writeTo(new ByteBufferSink(body));
        body.putInt(1000);
        assertClosedAfter(frame(java.util.Arrays.copyOf(body.array(), body.position())));
    }

    @Test
    void unknownApiKeyClosesTheConnection() throws IOException {
        ByteBuffer body = ByteBuffer.allocate(32);
        body.putShort((short) 999).putShort((short) 0).putInt(1).putShort((short) 1).put((byte) 'c');
        assertClosedAfter(frame(java.util.Arrays.copyOf(body.array(), body.position())));
    }

    @Test
    void unsupportedVersionClosesTheConnection() throws IOException {
        ByteBuffer body = ByteBuffer.allocate(32);
        body.putShort(ApiKeys.METADATA.id()).putShort((short) 99).putInt(1).putShort((short) 1).put((byte) 'c');
        assertClosedAfter(frame(java.util.Arrays.copyOf(body.array(), body.position())));
    }

    @Test
    void apiVersionsNewerThanServedAnswersUnsupportedVersionInV0Layout() throws IOException {
        try (BrokerConnection c = connect()) {
            ByteBuffer body = ByteBuffer.allocate(64);
            // ApiVersions v77: header v2 (flexible), empty tagged fields, then an empty flexible body.
            body.putShort(ApiKeys.API_VERSIONS.id()).putShort((short) 77).putInt(42).putShort((short) 1).put((byte) 'c').put((byte) 0);
            body.put((byte) 0);
            c.sendRaw(frame(java.util.Arrays.copyOf(body.array(), body.position())));
            ByteBuffer response = c.readFrame();
            assertEquals(42, response.getInt(), "response header v0: correlation id only");
            ApiVersionsResponse parsed = new ApiVersionsResponse(response, (short) 0);
            assertEquals(Errors.UNSUPPORTED_VERSION.code(), parsed.errorCode());
            ApiVersionsResponse.ApiVersion own = parsed.apiKeys().stream()
                    .filter(k -> k.apiKey() == ApiKeys.API_VERSIONS.id()).findFirst().orElseThrow();
            assertEquals(4, own.maxVersion());
        }
        assertStillServing();
    }

    private static ByteBuffer batch(int valueSize) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(System.currentTimeMillis(), null, ByteBuffer.wrap(new byte[valueSize]), null);
        return b.build().buffer();
    }

    private static Errors produce(String topic, ByteBuffer records) throws IOException {
        return produce(topic, records, (short) 9);
    }

    private static Errors produce(String topic, ByteBuffer records, short version) throws IOException {
        try (BrokerConnection c = connect()) {
            ProduceRequest req = new ProduceRequest().setAcks((short) 1).setTimeoutMs(10000);
            ProduceRequest.TopicProduceData topicData = new ProduceRequest.TopicProduceData().setName(topic);
            topicData.partitionData().add(new ProduceRequest.PartitionProduceData().setIndex(0)
                    .setRecords(new MemoryRecordsData(records)));
            req.topicData().add(topicData);
            ProduceResponse response = c.send(req, version);
            return Errors.forCode(response.responses().get(0).partitionResponses().get(0).errorCode());
        }
    }

    @Test
    void batchWithBadCrcIsCorruptMessage() throws IOException {
        ByteBuffer records = batch(100);
        records.put(records.limit() - 1, (byte) (records.get(records.limit() - 1) ^ 0x5a));
        assertEquals(Errors.CORRUPT_MESSAGE, produce("data", records));
        assertEquals(Errors.NONE, produce("data", batch(100)), "a good batch after the bad one is appended");
    }

    @Test
    void producePartitionsBreakingKafkasRecordRulesAreRefusedAndNothingIsWritten() throws IOException {
        long before = endOffset("data");
        ByteBuffer one = batch(10);
        ByteBuffer two = ByteBuffer.allocate(2 * one.remaining());
        two.put(one.duplicate()).put(one.duplicate()).flip();
        assertEquals(Errors.INVALID_RECORD, produce("data", two), "two batches in one partition");
        assertEquals(Errors.INVALID_RECORD, produce("data", ByteBuffer.allocate(0)), "no batch");
        MemoryRecordsBuilder zstd = MemoryRecords.builder(CompressionType.ZSTD, 0L);
        zstd.append(System.currentTimeMillis(), null, ByteBuffer.wrap(new byte[10]), null);
        ByteBuffer zstdBatch = zstd.build().buffer();
        assertEquals(Errors.UNSUPPORTED_COMPRESSION_TYPE, produce("data", zstdBatch.duplicate(), (short) 6), "zstd before v7");
        assertEquals(before, endOffset("data"));
        assertEquals(Errors.NONE, produce("data", zstdBatch.duplicate(), (short) 7));
        assertEquals(before + 1, endOffset("data"));
    }

    private static long endOffset(String topic) throws IOException {
        try (BrokerConnection c = connect()) {
            ListOffsetsRequest req = new ListOffsetsRequest().setReplicaId(-1);
            ListOffsetsRequest.ListOffsetsTopic t = new ListOffsetsRequest.ListOffsetsTopic().setName(topic);
            t.partitions().add(new ListOffsetsRequest.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-1L));
            req.topics().add(t);
            ListOffsetsResponse response = c.send(req, (short) 5);
            return response.topics().get(0).partitions().get(0).offset();
        }
    }

    @Test
    void oversizedBatchIsMessageTooLarge() throws IOException {
        assertEquals(Errors.MESSAGE_TOO_LARGE, produce("data", batch(20_000)));
    }

    @Test
    void unknownTopicWithAutoCreateOffIsUnknownTopicOrPartition() throws IOException {
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, produce("no-such-topic", batch(10)));
        try (BrokerConnection c = connect()) {
            MetadataRequest req = new MetadataRequest().setAllowAutoTopicCreation(true);
            req.topics().add(new MetadataRequest.MetadataRequestTopic().setName("no-such-topic"));
            MetadataResponse response = c.send(req, (short) 12);
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), response.topics().get(0).errorCode());
        }
    }

    @Test
    void clientIdWithMultibyteCharactersIsFine() throws IOException {
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(0), "zoë-✓", 10_000)) {
            ApiVersionsResponse response = c.send(new ApiVersionsRequest(), (short) 0);
            assertEquals(Errors.NONE.code(), response.errorCode());
        }
        assertTrue("zoë-✓".getBytes(StandardCharsets.UTF_8).length > 5);
    }
}
