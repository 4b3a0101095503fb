package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.record.MutableRecordBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Legacy sets written by Kafka, up-converted by Samsa into one v2 batch, read back by Kafka's v2
 * reader: every record, in order, at offsets 0..n-1, with magic 1 timestamps kept and magic 0
 * ones absent, no producer state, no headers, CreateTime, in the requested codec.
 */
class LegacyUpConverterTest {

    private static final CompressionType[] LEGACY_CODECS = {
        CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4};

    static Stream<Arguments> cases() {
        List<Arguments> list = new ArrayList<>();
        for (byte magic = 0; magic <= 1; magic++) {
            for (CompressionType source : LEGACY_CODECS) {
                // The "producer" topic setting keeps the source codec; a topic codec replaces it.
                list.add(Arguments.of(magic, source, source));
                list.add(Arguments.of(magic, source, source == CompressionType.NONE ? CompressionType.ZSTD
                    : CompressionType.NONE));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "magic {0} {1} -> v2 {2}")
    @MethodSource("cases")
    void kafkaReadsTheUpConvertedBatch(byte magic, CompressionType source, CompressionType target) {
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(20, 31 * magic + source.id, source == target);
        LegacyMessageSet set = LegacyMessageSet.readableMessages(LegacyOracle.build(magic, source, 9000L, -1L, inputs));
        assertEquals(source, set.sourceCompression());

        MemoryRecords batch = LegacyUpConverter.toRecordBatch(set, target);

        List<LegacyOracle.Rec> expected = LegacyOracle.expected(magic, 0L, -1L, inputs);
        assertEquals(expected, LegacyOracle.read(batch.buffer(), 2));
        List<MutableRecordBatch> kafkaBatches = new ArrayList<>();
        org.apache.kafka.common.record.MemoryRecords.readableRecords(batch.buffer()).batches()
            .forEach(kafkaBatches::add);
        assertEquals(1, kafkaBatches.size(), "one v2 batch");
        MutableRecordBatch b = kafkaBatches.get(0);
        assertEquals(target.id, b.compressionType().id);
        assertEquals(org.apache.kafka.common.record.TimestampType.CREATE_TIME, b.timestampType());
        assertEquals(-1L, b.producerId());
        assertEquals(-1, b.baseSequence());
        assertEquals(0L, b.baseOffset());
        assertEquals(inputs.size() - 1, b.lastOffset());
        long maxTimestamp = expected.stream().mapToLong(LegacyOracle.Rec::timestamp).max().orElseThrow();
        assertEquals(maxTimestamp, b.maxTimestamp());
        for (org.apache.kafka.common.record.Record r : b) {
            assertEquals(0, r.headers().length);
        }
    }

    /** Uncompressed and LZ4 batches are deterministic: the bytes equal Kafka's v2 builder's for the same records. */
    @Test
    void bytesEqualKafkasBatchOfTheSameRecords() {
        for (CompressionType target : new CompressionType[] {CompressionType.NONE, CompressionType.LZ4}) {
            List<LegacyOracle.In> inputs = LegacyOracle.inputs(15, 77, false);
            LegacyMessageSet set = LegacyMessageSet.readableMessages(
                LegacyOracle.build((byte) 1, CompressionType.SNAPPY, 0L, -1L, inputs));
            org.apache.kafka.common.record.MemoryRecordsBuilder kafka = org.apache.kafka.common.record.MemoryRecords
                .builder(ByteBuffer.allocate(256), KafkaOracle.compression(target),
                    org.apache.kafka.common.record.TimestampType.CREATE_TIME, 0L);
            for (LegacyOracle.In in : inputs) {
                kafka.append(in.timestamp(), in.key(), in.value());
            }
            assertArrayEquals(ByteUtils.toArray(kafka.build().buffer()),
                ByteUtils.toArray(LegacyUpConverter.toRecordBatch(set, target).buffer()), target.name);
        }
    }

    @Test
    void logAppendTimeWrapperGivesTheAppendTimeAsCreateTime() {
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(5, 8, false);
        LegacyMessageSet set = LegacyMessageSet.readableMessages(
            LegacyOracle.build((byte) 1, CompressionType.GZIP, 0L, 1_234_567L, inputs));
        MemoryRecords batch = LegacyUpConverter.toRecordBatch(set, CompressionType.GZIP);
        assertEquals(LegacyOracle.expected((byte) 1, 0L, 1_234_567L, inputs), LegacyOracle.read(batch.buffer(), 2));
        assertEquals(TimestampType.CREATE_TIME, batch.batches().iterator().next().timestampType());
    }

    @Test
    void concatenatedWrappersAndMessagesBecomeOneBatch() {
        List<LegacyOracle.In> a = LegacyOracle.inputs(4, 1, false);
        List<LegacyOracle.In> b = LegacyOracle.inputs(6, 2, false);
        List<LegacyOracle.In> c = LegacyOracle.inputs(3, 3, false);
        byte[] bytes = LegacyCraft.concat(
            ByteUtils.toArray(LegacyOracle.build((byte) 1, CompressionType.LZ4, 0L, -1L, a)),
            ByteUtils.toArray(LegacyOracle.build((byte) 1, CompressionType.NONE, 0L, -1L, b)),
            ByteUtils.toArray(LegacyOracle.build((byte) 1, CompressionType.GZIP, 0L, -1L, c)));
        LegacyMessageSet set = LegacyMessageSet.readableMessages(ByteBuffer.wrap(bytes));
        assertEquals(CompressionType.GZIP, set.sourceCompression(), "the last wrapper's codec, as Kafka picks it");
        List<LegacyOracle.In> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        MemoryRecords batch = LegacyUpConverter.toRecordBatch(set, set.sourceCompression(), 1);
        assertEquals(LegacyOracle.expected((byte) 1, 0L, -1L, all), LegacyOracle.read(batch.buffer(), 2));
    }

    @Test
    void emptySetGivesNoBatch() {
        assertSame(MemoryRecords.EMPTY,
            LegacyUpConverter.toRecordBatch(LegacyMessageSet.readableMessages(ByteBuffer.allocate(0)),
                CompressionType.LZ4));
    }

    @Test
    void everyCrcIsCheckedBeforeAnythingIsBuilt() {
        byte[] good = ByteUtils.toArray(LegacyOracle.build((byte) 1, CompressionType.NONE, 0L, -1L,
            LegacyOracle.inputs(5, 4, false)));
        byte[] bad = ByteUtils.toArray(LegacyOracle.build((byte) 1, CompressionType.NONE, 0L, -1L,
            LegacyOracle.inputs(1, 5, false)));
        bad[bad.length - 1] ^= 0x40; // last value byte of the last message
        LegacyMessageSet set = LegacyMessageSet.readableMessages(ByteBuffer.wrap(LegacyCraft.concat(good, bad)));
        assertThrows(CorruptRecordException.class, () -> LegacyUpConverter.toRecordBatch(set, CompressionType.GZIP));
    }

    @Test
    void negativeMagic1TimestampIsRefused() {
        ByteBuffer set = ByteBuffer.wrap(LegacyCraft.entry(0L, (byte) 1, 0, -5L, null, "v".getBytes()));
        assertThrows(InvalidRecordException.class,
            () -> LegacyUpConverter.toRecordBatch(LegacyMessageSet.readableMessages(set), CompressionType.NONE));
    }
}
