package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte compatibility with Apache Kafka 3.9.1 for every codec: batches Kafka writes read back
 * exactly in Samsa, and batches Samsa writes validate and read back exactly in Kafka.
 */
class KafkaInteropTest {

    private static final long APPEND_TIME = 1_750_000_000_123L;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            TestData.Spec plain = TestData.Spec.plain(type);
            cases.add(Arguments.of("create-time", plain));
            cases.add(Arguments.of("log-append-time", plain.withBaseOffset(1234).withLogAppendTime(APPEND_TIME)));
            cases.add(Arguments.of("idempotent", plain.withBaseOffset(77).withProducer(4242L, (short) 3, 100, false)));
            cases.add(Arguments.of("transactional",
                plain.withProducer(99L, (short) 0, 0, true).withLeaderEpoch(17)));
            cases.add(Arguments.of("sequence-wrap",
                plain.withProducer(5L, (short) 1, Integer.MAX_VALUE - 3, false)));
        }
        return cases.stream().map(a -> Arguments.of(((TestData.Spec) a.get()[1]).compression() + "/" + a.get()[0],
            a.get()[1]));
    }

    private static List<TestData.Input> inputsFor(TestData.Spec spec) {
        // Sequence wrap-around needs few records to be legal and checkable.
        return TestData.varied(spec.baseSequence() > 1000 ? 10 : 300, spec.baseOffset() + spec.compression().id);
    }

    private static List<BatchSnapshot.Rec> expected(TestData.Spec spec, List<TestData.Input> inputs) {
        List<BatchSnapshot.Rec> recs = TestData.expected(spec, inputs);
        if (spec.baseSequence() > 1000) {
            // Producer sequences wrap to 0 after Integer.MAX_VALUE.
            List<BatchSnapshot.Rec> wrapped = new ArrayList<>();
            for (int i = 0; i < recs.size(); i++) {
                BatchSnapshot.Rec r = recs.get(i);
                int seq = (int) (((long) spec.baseSequence() + i) % (1L + Integer.MAX_VALUE));
                wrapped.add(new BatchSnapshot.Rec(r.offset(), r.timestamp(), seq, r.key(), r.value(), r.headers()));
            }
            return wrapped;
        }
        return recs;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samsaReadsKafkaBatches(String name, TestData.Spec spec) {
        List<TestData.Input> inputs = inputsFor(spec);
        ByteBuffer kafkaBytes = KafkaOracle.build(spec, inputs);

        List<BatchSnapshot> samsa = BatchSnapshot.of(MemoryRecords.readableRecords(kafkaBytes));
        List<BatchSnapshot> kafka = KafkaOracle.read(kafkaBytes);

        assertEquals(1, samsa.size());
        assertEquals(kafka, samsa, "Samsa must see every field and record exactly as Kafka does");
        assertEquals(expected(spec, inputs), samsa.get(0).records());
        assertEquals(spec.compression().id, samsa.get(0).compressionId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kafkaReadsSamsaBatches(String name, TestData.Spec spec) {
        List<TestData.Input> inputs = inputsFor(spec);
        MemoryRecords built = TestData.buildWithSamsa(spec, inputs);

        List<BatchSnapshot> kafka = KafkaOracle.read(built.buffer()); // ensureValid() inside
        List<BatchSnapshot> samsa = BatchSnapshot.of(built);

        assertEquals(1, kafka.size());
        assertEquals(expected(spec, inputs), kafka.get(0).records());
        assertEquals(samsa, kafka);
        BatchSnapshot b = kafka.get(0);
        assertEquals(spec.baseOffset(), b.baseOffset());
        assertEquals(spec.baseOffset() + inputs.size() - 1, b.lastOffset());
        assertEquals(spec.partitionLeaderEpoch(), b.partitionLeaderEpoch());
        assertEquals(spec.producerId(), b.producerId());
        assertEquals(spec.producerEpoch(), b.producerEpoch());
        assertEquals(spec.baseSequence(), b.baseSequence());
        assertEquals(spec.transactional(), b.transactional());
        assertEquals(spec.timestampType(), b.timestampType());
        long expectedMax = spec.timestampType() == TimestampType.LOG_APPEND_TIME ? spec.logAppendTime()
            : inputs.stream().mapToLong(TestData.Input::timestamp).max().orElseThrow();
        assertEquals(expectedMax, b.maxTimestamp());
    }

    /** Uncompressed and LZ4 output are deterministic, so Samsa's bytes must equal Kafka's bytes. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = CompressionType.class, names = {"NONE", "LZ4"})
    void identicalBytesForDeterministicCodecs(CompressionType type) {
        TestData.Spec spec = TestData.Spec.plain(type).withBaseOffset(10).withProducer(7L, (short) 2, 5, true)
            .withLeaderEpoch(3);
        List<TestData.Input> inputs = TestData.varied(200, 9);
        ByteBuffer kafka = KafkaOracle.build(spec, inputs);
        ByteBuffer samsa = TestData.buildWithSamsa(spec, inputs).buffer();
        assertArrayEquals(ByteUtils.toArray(kafka), ByteUtils.toArray(samsa));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CompressionType.class)
    void readsKafkaWithRecordsHelper(CompressionType type) {
        org.apache.kafka.common.record.MemoryRecords kafka = org.apache.kafka.common.record.MemoryRecords.withRecords(
            42L, KafkaOracle.compression(type),
            new SimpleRecord(1000L, "k1".getBytes(), "v1".getBytes()),
            new SimpleRecord(999L, null, "v2".getBytes()),
            new SimpleRecord(1001L, "k3".getBytes(), null));
        RecordBatch batch = MemoryRecords.readableRecords(kafka.buffer()).batches().iterator().next();
        assertTrue(batch.isValid());
        assertEquals(type, batch.compressionType());
        List<Record> records = batch.records();
        assertEquals(3, records.size());
        assertEquals(42L, records.get(0).offset());
        assertEquals(44L, records.get(2).offset());
        assertEquals(999L, records.get(1).timestamp());
        assertEquals(1001L, batch.maxTimestamp());
        assertEquals(ByteBuffer.wrap("k1".getBytes()), records.get(0).key());
        assertEquals(null, records.get(1).key());
        assertEquals(null, records.get(2).value());
        assertEquals(-1, records.get(2).valueSize());
    }

    /** Compression levels change the bytes, never the compatibility. */
    @ParameterizedTest(name = "{0} level {1}")
    @MethodSource("levels")
    void kafkaReadsEveryLevel(CompressionType type, int level) {
        List<TestData.Input> inputs = TestData.varied(120, level);
        MemoryRecordsBuilder builder = MemoryRecords.builder(type, 0L).compressionLevel(level);
        for (TestData.Input in : inputs) {
            builder.append(in.timestamp(), ByteUtils.wrapNullable(in.key()), ByteUtils.wrapNullable(in.value()),
                in.headers());
        }
        List<BatchSnapshot> kafka = KafkaOracle.read(builder.build().buffer());
        assertEquals(TestData.expected(TestData.Spec.plain(type), inputs), kafka.get(0).records());
    }

    static Stream<Arguments> levels() {
        return Stream.of(Arguments.of(CompressionType.GZIP, 1), Arguments.of(CompressionType.GZIP, 9),
            Arguments.of(CompressionType.LZ4, 1), Arguments.of(CompressionType.LZ4, 17),
            Arguments.of(CompressionType.ZSTD, -5), Arguments.of(CompressionType.ZSTD, 19));
    }
}
