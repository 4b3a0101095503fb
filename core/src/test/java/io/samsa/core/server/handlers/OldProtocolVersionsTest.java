package io.samsa.core.server.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.message.CreateTopicsRequest;
import io.samsa.protocol.message.CreateTopicsResponse;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;
import io.samsa.protocol.message.OffsetCommitRequest;
import io.samsa.protocol.message.OffsetCommitResponse;
import io.samsa.protocol.message.OffsetFetchRequest;
import io.samsa.protocol.message.OffsetFetchResponse;
import io.samsa.protocol.message.ProduceRequest;
import io.samsa.protocol.message.ProduceResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The oldest versions Kafka 3.9.1 serves, as old clients send them: message sets of format v0
 * and v1 built by Kafka's own MemoryRecordsBuilder (every codec those formats have) go in through
 * Produce v0-v2 and come back record for record through Fetch v0-v3 (down-converted to the format
 * the version reads) and through a modern fetch (as v2 batches); ListOffsets v0 answers its list of
 * offsets; OffsetCommit and OffsetFetch v0 keep offsets in ZooKeeper, apart from the group's.
 */
@Tag("integration")
@Timeout(120)
class OldProtocolVersionsTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of("auto.create.topics.enable", "false"));

    private static BrokerConnection connect() throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(0), "old-protocol-test", 20_000);
    }

    private static void createTopic(BrokerConnection c, String topic) throws IOException {
        createTopic(c, topic, Map.of());
    }

    private static void createTopic(BrokerConnection c, String topic, Map<String, String> configs) throws IOException {
        CreateTopicsRequest create = new CreateTopicsRequest().setTimeoutMs(30_000);
        CreateTopicsRequest.CreatableTopic t = new CreateTopicsRequest.CreatableTopic().setName(topic).setNumPartitions(1)
                .setReplicationFactor((short) 1);
        configs.forEach((k, v) -> t.configs().add(new CreateTopicsRequest.CreatableTopicConfig().setName(k).setValue(v)));
        create.topics().add(t);
        CreateTopicsResponse response = c.send(create, (short) 0);
        assertEquals(Errors.NONE.code(), response.topics().get(0).errorCode());
        cluster.waitForTopic(topic, 1);
    }

    /** What a record is for these checks: key, value and (format v1 and later) timestamp. */
    private record Rec(long offset, String key, String value, long timestamp) {
    }

    /** Records {@code first} to {@code first + count - 1}: every third without a key, timestamps from {@code t0 + first}. */
    private static ByteBuffer legacySet(byte magic, CompressionType codec, int first, int count, long t0) {
        MemoryRecordsBuilder b = MemoryRecords.builder(ByteBuffer.allocate(64 * 1024), magic, Compression.of(codec).build(),
                TimestampType.CREATE_TIME, 0L);
        for (int i = first; i < first + count; i++) {
            b.append(t0 + i, i % 3 == 0 ? null : ("k" + i).getBytes(StandardCharsets.UTF_8),
                    ("value-" + i + "-\u00e9").getBytes(StandardCharsets.UTF_8));
        }
        return b.build().buffer();
    }

    private static List<Rec> expected(int count, long t0, boolean withTimestamps) {
        List<Rec> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Rec(i, i % 3 == 0 ? null : "k" + i, "value-" + i + "-\u00e9", withTimestamps ? t0 + i : RecordBatch.NO_TIMESTAMP));
        }
        return out;
    }

    private static long produce(BrokerConnection c, String topic, ByteBuffer records, short version) throws IOException {
        ProduceRequest req = new ProduceRequest().setAcks((short) 1).setTimeoutMs(10_000);
        ProduceRequest.TopicProduceData t = new ProduceRequest.TopicProduceData().setName(topic);
        t.partitionData().add(new ProduceRequest.PartitionProduceData().setIndex(0).setRecords(new MemoryRecordsData(records)));
        req.topicData().add(t);
        ProduceResponse r = c.send(req, version);
        ProduceResponse.PartitionProduceResponse p = r.responses().get(0).partitionResponses().get(0);
        assertEquals(Errors.NONE.code(), p.errorCode(), "produce v" + version + ": " + p.errorMessage());
        return p.baseOffset();
    }

    private static FetchResponse.PartitionData fetchPartition(BrokerConnection c, String topic, long offset, short version)
            throws IOException {
        FetchRequest req = new FetchRequest().setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20);
        FetchRequest.FetchTopic t = new FetchRequest.FetchTopic().setTopic(topic);
        t.partitions().add(new FetchRequest.FetchPartition().setPartition(0).setFetchOffset(offset).setPartitionMaxBytes(1 << 20));
        req.topics().add(t);
        FetchResponse r = c.send(req, version);
        return r.responses().get(0).partitions().get(0);
    }

    /** Every record from {@code offset}, read with Fetch {@code version}; checks each batch's magic. */
    private static List<Rec> fetch(BrokerConnection c, String topic, long offset, short version, byte expectedMagic) throws IOException {
        FetchResponse.PartitionData p = fetchPartition(c, topic, offset, version);
        assertEquals(Errors.NONE.code(), p.errorCode(), "fetch v" + version);
        MemoryRecords records = MemoryRecords.readableRecords(MemoryRecordsData.bufferOf(p.records()));
        List<Rec> out = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            batch.ensureValid();
            assertEquals(expectedMagic, batch.magic(), "magic of a batch read with fetch v" + version);
            for (Record rec : batch) {
                out.add(new Rec(rec.offset(), rec.hasKey() ? text(rec.key()) : null, text(rec.value()), rec.timestamp()));
            }
        }
        return out;
    }

    private static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }

    @ParameterizedTest(name = "magic {0}, {1}, produce v{2}")
    @CsvSource({"0, NONE, 0", "0, GZIP, 1", "0, SNAPPY, 0", "0, LZ4, 1", "1, NONE, 2", "1, GZIP, 2", "1, SNAPPY, 2", "1, LZ4, 2"})
    void oldFormatsGoInThroughOldProduceAndComeBackThroughEveryFetch(byte magic, CompressionType codec, short produceVersion)
            throws Exception {
        String topic = "legacy-" + magic + "-" + codec.name + "-" + produceVersion;
        long t0 = 1_700_000_000_000L;
        try (BrokerConnection c = connect()) {
            createTopic(c, topic);
            assertEquals(0L, produce(c, topic, legacySet(magic, codec, 0, 5, t0), produceVersion));
            assertEquals(5L, produce(c, topic, legacySet(magic, codec, 5, 4, t0), produceVersion));

            boolean timestamps = magic == RecordBatch.MAGIC_VALUE_V1;
            List<Rec> all = expected(9, t0, timestamps);
            for (short v = 0; v <= 1; v++) {
                List<Rec> asV0 = new ArrayList<>();
                for (Rec r : all) {
                    asV0.add(new Rec(r.offset(), r.key(), r.value(), RecordBatch.NO_TIMESTAMP));
                }
                assertEquals(asV0, fetch(c, topic, 0, v, RecordBatch.MAGIC_VALUE_V0));
            }
            for (short v = 2; v <= 3; v++) {
                assertEquals(all, fetch(c, topic, 0, v, RecordBatch.MAGIC_VALUE_V1));
            }
            assertEquals(all, fetch(c, topic, 0, (short) 12, RecordBatch.MAGIC_VALUE_V2));
            // A fetch from the second set's first offset starts there, wrapper or not.
            List<Rec> fromFive = fetch(c, topic, 5, (short) 3, RecordBatch.MAGIC_VALUE_V1);
            assertEquals(all.subList(5, 9), fromFive);
        }
    }

    @Test
    void aCorruptOldFormatMessageIsRefusedAndNothingIsWritten() throws Exception {
        String topic = "legacy-corrupt";
        try (BrokerConnection c = connect()) {
            createTopic(c, topic);
            ByteBuffer set = legacySet(RecordBatch.MAGIC_VALUE_V1, CompressionType.NONE, 0, 3, 1L);
            set.put(set.limit() - 1, (byte) (set.get(set.limit() - 1) ^ 0x5a));
            ProduceRequest req = new ProduceRequest().setAcks((short) 1).setTimeoutMs(10_000);
            ProduceRequest.TopicProduceData t = new ProduceRequest.TopicProduceData().setName(topic);
            t.partitionData().add(new ProduceRequest.PartitionProduceData().setIndex(0).setRecords(new MemoryRecordsData(set)));
            req.topicData().add(t);
            ProduceResponse r = c.send(req, (short) 2);
            assertEquals(Errors.CORRUPT_MESSAGE.code(), r.responses().get(0).partitionResponses().get(0).errorCode());
            assertEquals(List.of(), fetch(c, topic, 0, (short) 12, RecordBatch.MAGIC_VALUE_V2));
        }
    }

    @Test
    void fetchesOlderThanTheirTopicsFormatAreRefusedAsKafkaRefusesThem() throws Exception {
        try (BrokerConnection c = connect()) {
            createTopic(c, "legacy-zstd-topic", Map.of("compression.type", "zstd"));
            produce(c, "legacy-zstd-topic", legacySet(RecordBatch.MAGIC_VALUE_V1, CompressionType.GZIP, 0, 3, 1L), (short) 2);
            for (short v : new short[] {0, 3, 4, 9}) {
                assertEquals(Errors.UNSUPPORTED_COMPRESSION_TYPE.code(), fetchPartition(c, "legacy-zstd-topic", 0, v).errorCode(),
                    "zstd topic, fetch v" + v);
            }
            assertEquals(expected(3, 1L, true), fetch(c, "legacy-zstd-topic", 0, (short) 10, RecordBatch.MAGIC_VALUE_V2));

            createTopic(c, "legacy-no-conversion", Map.of("message.downconversion.enable", "false"));
            produce(c, "legacy-no-conversion", legacySet(RecordBatch.MAGIC_VALUE_V1, CompressionType.NONE, 0, 3, 1L), (short) 2);
            assertEquals(Errors.UNSUPPORTED_VERSION.code(), fetchPartition(c, "legacy-no-conversion", 0, (short) 3).errorCode());
            assertEquals(expected(3, 1L, true), fetch(c, "legacy-no-conversion", 0, (short) 4, RecordBatch.MAGIC_VALUE_V2));
        }
    }

    @Test
    void aBatchLargerThanAnOldFetchsLimitReadsAsAMessageTooLarge() throws Exception {
        try (BrokerConnection c = connect()) {
            createTopic(c, "legacy-small");
            createTopic(c, "legacy-large");
            produce(c, "legacy-small", legacySet(RecordBatch.MAGIC_VALUE_V1, CompressionType.NONE, 0, 1, 1L), (short) 2);
            MemoryRecordsBuilder big = MemoryRecords.builder(ByteBuffer.allocate(8192), RecordBatch.MAGIC_VALUE_V1,
                    Compression.NONE, TimestampType.CREATE_TIME, 0L);
            big.append(1L, null, new byte[4000]);
            produce(c, "legacy-large", big.build().buffer(), (short) 2);

            // The first partition with data may exceed its limit by one batch; the second may not.
            FetchRequest req = new FetchRequest().setMaxWaitMs(0).setMinBytes(0).setMaxBytes(1 << 20);
            for (String topic : List.of("legacy-small", "legacy-large")) {
                FetchRequest.FetchTopic t = new FetchRequest.FetchTopic().setTopic(topic);
                t.partitions().add(new FetchRequest.FetchPartition().setPartition(0).setFetchOffset(0).setPartitionMaxBytes(200));
                req.topics().add(t);
            }
            FetchResponse r = c.send(req, (short) 1);
            ByteBuffer large = MemoryRecordsData.bufferOf(r.responses().get(1).partitions().get(0).records());
            assertEquals(200, large.remaining(), "the part of the batch that fits");
            assertTrue(large.getInt(8) + 12 > large.remaining(), "its head names one message larger than the fetch");
            assertEquals(List.of(), fetch(c, "legacy-small", 1, (short) 1, RecordBatch.MAGIC_VALUE_V0));
        }
    }

    @Test
    void listOffsetsV0AnswersTheOffsetsBeforeATime() throws Exception {
        String topic = "legacy-list-offsets";
        try (BrokerConnection c = connect()) {
            createTopic(c, topic);
            produce(c, topic, legacySet(RecordBatch.MAGIC_VALUE_V1, CompressionType.NONE, 0, 7, 1L), (short) 2);
            assertEquals(List.of(7L, 0L), listOffsetsV0(c, topic, -1L, 10));
            assertEquals(List.of(7L), listOffsetsV0(c, topic, -1L, 1));
            assertEquals(List.of(0L), listOffsetsV0(c, topic, -2L, 10));
            assertEquals(List.of(), listOffsetsV0(c, topic, 0L, 10), "nothing was written before the epoch");
        }
    }

    private static List<Long> listOffsetsV0(BrokerConnection c, String topic, long timestamp, int max) throws IOException {
        ListOffsetsRequest req = new ListOffsetsRequest().setReplicaId(-1);
        ListOffsetsRequest.ListOffsetsTopic t = new ListOffsetsRequest.ListOffsetsTopic().setName(topic);
        t.partitions().add(new ListOffsetsRequest.ListOffsetsPartition().setPartitionIndex(0).setTimestamp(timestamp).setMaxNumOffsets(max));
        req.topics().add(t);
        ListOffsetsResponse r = c.send(req, (short) 0);
        ListOffsetsResponse.ListOffsetsPartitionResponse p = r.topics().get(0).partitions().get(0);
        assertEquals(Errors.NONE.code(), p.errorCode());
        return p.oldStyleOffsets();
    }

    @Test
    void offsetCommitAndFetchV0UseZooKeeperApartFromTheGroupsOffsets() throws Exception {
        String topic = "legacy-offsets";
        try (BrokerConnection c = connect()) {
            createTopic(c, topic);
            OffsetCommitRequest commit = new OffsetCommitRequest().setGroupId("zk-group");
            OffsetCommitRequest.OffsetCommitRequestTopic t = new OffsetCommitRequest.OffsetCommitRequestTopic().setName(topic);
            t.partitions().add(new OffsetCommitRequest.OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(42L));
            t.partitions().add(new OffsetCommitRequest.OffsetCommitRequestPartition().setPartitionIndex(7).setCommittedOffset(1L));
            commit.topics().add(t);
            OffsetCommitResponse committed = c.send(commit, (short) 0);
            assertEquals(Errors.NONE.code(), committed.topics().get(0).partitions().get(0).errorCode());
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), committed.topics().get(0).partitions().get(1).errorCode());

            assertEquals(42L, offsetFetch(c, topic, (short) 0));
            commit.setGroupId("..");
            assertEquals(Errors.INVALID_GROUP_ID.code(), ((OffsetCommitResponse) c.send(commit, (short) 0)).topics().get(0)
                .partitions().get(0).errorCode(), "a group id that cannot be a ZooKeeper path");
            assertEquals(-1L, offsetFetch(c, topic, (short) 1), "version 1 reads the group's offsets, which have no commit");
        }
    }

    private static long offsetFetch(BrokerConnection c, String topic, short version) throws IOException {
        OffsetFetchRequest req = new OffsetFetchRequest().setGroupId("zk-group");
        req.topics().add(new OffsetFetchRequest.OffsetFetchRequestTopic().setName(topic).setPartitionIndexes(new ArrayList<>(List.of(0))));
        OffsetFetchResponse r = c.send(req, version);
        OffsetFetchResponse.OffsetFetchResponsePartition p = r.topics().get(0).partitions().get(0);
        assertTrue(p.errorCode() == Errors.NONE.code() || version == 1, "error " + p.errorCode());
        return p.committedOffset();
    }
}
