package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.record.ControlRecordType;
import org.apache.kafka.common.record.EndTransactionMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * v2 batches (written by Samsa and by Kafka) down-converted by Samsa for Fetch v0-v3, then read
 * by Kafka's legacy reader record for record, and compared with Kafka's own down-conversion.
 */
class LegacyDownConverterTest {

    private static final long APPEND_TIME = 1_760_000_000_000L;

    /** A fetch-like read: several batches of both writers, a control batch, a compacted batch with gaps. */
    private static byte[] fetched(CompressionType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<TestData.Input> inputs = TestData.varied(12, type.id);
        out.writeBytes(ByteUtils.toArray(TestData.buildWithSamsa(TestData.Spec.plain(type), inputs).buffer()));
        out.writeBytes(ByteUtils.toArray(KafkaOracle.build(
            TestData.Spec.plain(type).withBaseOffset(12).withLogAppendTime(APPEND_TIME), TestData.varied(9, 2))));
        out.writeBytes(ByteUtils.toArray(TestData.buildWithSamsa(
            TestData.Spec.plain(type).withBaseOffset(21).withProducer(7L, (short) 1, 0, true), TestData.varied(6, 3))
            .buffer()));
        out.writeBytes(ByteUtils.toArray(org.apache.kafka.common.record.MemoryRecords.withEndTransactionMarker(
            27L, APPEND_TIME, 0, 7L, (short) 1, new EndTransactionMarker(ControlRecordType.COMMIT, 0)).buffer()));
        MemoryRecordsBuilder compacted = MemoryRecords.builder(type, 28L);
        for (long offset : new long[] {28, 30, 31, 35}) {
            compacted.appendWithOffset(offset, 1_000L + offset, ByteBuffer.wrap(("k" + offset).getBytes()),
                ByteBuffer.wrap(("v" + offset).getBytes()), null);
        }
        out.writeBytes(ByteUtils.toArray(compacted.overrideLastOffset(36L).build().buffer()));
        out.writeBytes(ByteUtils.toArray(KafkaOracle.build(
            TestData.Spec.plain(type).withBaseOffset(37), TestData.varied(20, 4))));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "to magic {0}, {1}")
    @MethodSource("io.samsa.record.LegacyOracle#magicsAndCodecs")
    void kafkaReadsTheDownConvertedSet(byte toMagic, CompressionType type) {
        byte[] complete = fetched(type);
        // The read ends inside a further batch, as a fetch cut at its size limit does.
        byte[] next = ByteUtils.toArray(KafkaOracle.build(TestData.Spec.plain(type).withBaseOffset(57),
            TestData.varied(5, 5)));
        byte[] withPartial = LegacyCraft.concat(complete, Arrays.copyOf(next, next.length / 2));

        LegacyMessageSet converted = LegacyDownConverter.convert(
            MemoryRecords.readableRecords(ByteBuffer.wrap(withPartial)), toMagic);

        List<LegacyOracle.Rec> expected = LegacyOracle.samsaV2(ByteBuffer.wrap(complete), toMagic, true);
        assertEquals(expected, LegacyOracle.read(converted.buffer(), toMagic), "Kafka reads every record");
        assertEquals(expected, LegacyOracle.samsa(converted), "Samsa reads them back too");
        assertEquals(LegacyOracle.read(LegacyOracle.downConvert(ByteBuffer.wrap(withPartial), toMagic, 0L), toMagic),
            expected, "Kafka's own down-conversion agrees");

        // Shallow shape: a wrapper per compressed batch with its codec, timestamp type and last offset.
        List<long[]> shallow = LegacyOracle.shallow(converted.buffer());
        List<long[]> expectedShallow = new ArrayList<>();
        for (RecordBatch batch : MemoryRecords.readableRecords(ByteBuffer.wrap(complete)).batches()) {
            if (batch.isControlBatch()) {
                continue;
            }
            int tsType = toMagic == 0 ? -1 : batch.timestampType().id;
            if (type == CompressionType.NONE) {
                for (Record r : batch) {
                    expectedShallow.add(new long[] {0, tsType, r.offset()});
                }
            } else {
                List<Record> records = batch.records();
                expectedShallow.add(new long[] {type.id, tsType, records.get(records.size() - 1).offset()});
            }
        }
        assertEquals(expectedShallow.size(), shallow.size());
        for (int i = 0; i < shallow.size(); i++) {
            assertArrayEquals(expectedShallow.get(i), shallow.get(i), "entry " + i);
        }
    }

    /** Uncompressed and LZ4 output is deterministic: byte for byte what Kafka 3.9.1 sends an old consumer. */
    @ParameterizedTest(name = "to magic {0}")
    @ValueSource(bytes = {0, 1})
    void bytesEqualKafkasDownConversion(byte toMagic) {
        for (CompressionType type : new CompressionType[] {CompressionType.NONE, CompressionType.LZ4}) {
            ByteBuffer v2 = ByteBuffer.wrap(fetched(type));
            assertArrayEquals(ByteUtils.toArray(LegacyOracle.downConvert(v2, toMagic, 0L)),
                ByteUtils.toArray(LegacyDownConverter.convert(MemoryRecords.readableRecords(v2), toMagic).buffer()),
                type.name);
        }
    }

    @Test
    void magic1WrapperCarriesTheBatchMaxTimestamp() {
        MemoryRecordsBuilder builder = MemoryRecords.builder(CompressionType.GZIP, 100L);
        builder.append(5_000L, (byte[]) null, new byte[] {1});
        builder.append(9_000L, (byte[]) null, new byte[] {2});
        builder.append(7_000L, (byte[]) null, new byte[] {3});
        LegacyMessageSet converted = LegacyDownConverter.convert(builder.build(), (byte) 1);
        LegacyMessage wrapper = converted.entries().iterator().next();
        assertEquals(9_000L, wrapper.timestamp());
        assertEquals(TimestampType.CREATE_TIME, wrapper.timestampType());
        assertEquals(102L, wrapper.offset());
        assertEquals(List.of(100L, 101L, 102L), offsets(converted));
    }

    @Test
    void uncompressedRecordsBelowTheFetchOffsetAreLeftOutLikeKafka() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteUtils.toArray(TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.NONE)
            .withBaseOffset(100), TestData.varied(10, 1)).buffer()));
        out.writeBytes(ByteUtils.toArray(TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.LZ4)
            .withBaseOffset(110), TestData.varied(10, 2)).buffer()));
        ByteBuffer v2 = ByteBuffer.wrap(out.toByteArray());
        LegacyMessageSet converted = LegacyDownConverter.convert(MemoryRecords.readableRecords(v2), (byte) 1, 105L);
        assertEquals(105L, offsets(converted).get(0));
        assertEquals(15, offsets(converted).size());
        assertArrayEquals(ByteUtils.toArray(LegacyOracle.downConvert(v2, (byte) 1, 105L)),
            ByteUtils.toArray(converted.buffer()));
        // A wrapper cannot be split: fetching from inside the compressed batch returns all of it.
        assertEquals(10, offsets(LegacyDownConverter.convert(MemoryRecords.readableRecords(v2), (byte) 1, 115L)).size());
    }

    @ParameterizedTest(name = "to magic {0}")
    @ValueSource(bytes = {0, 1})
    void zstdIsRefusedDistinctly(byte toMagic) {
        byte[] none = ByteUtils.toArray(TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.NONE),
            TestData.varied(3, 1)).buffer());
        byte[] zstd = ByteUtils.toArray(TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.ZSTD)
            .withBaseOffset(3), TestData.varied(3, 2)).buffer());
        MemoryRecords records = MemoryRecords.readableRecords(ByteBuffer.wrap(LegacyCraft.concat(none, zstd)));
        UnsupportedCompressionException e = assertThrows(UnsupportedCompressionException.class,
            () -> LegacyDownConverter.convert(records, toMagic));
        assertEquals(CompressionType.ZSTD, e.compressionType());
        // Kafka cannot express it either.
        assertThrows(RuntimeException.class,
            () -> LegacyOracle.downConvert(ByteBuffer.wrap(LegacyCraft.concat(none, zstd)), toMagic, 0L));
    }

    @Test
    void nothingToConvert() {
        assertEquals(0, LegacyDownConverter.convert(MemoryRecords.EMPTY, (byte) 1).sizeInBytes());
        byte[] batch = ByteUtils.toArray(TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.GZIP),
            TestData.varied(3, 1)).buffer());
        MemoryRecords partialOnly = MemoryRecords.readableRecords(ByteBuffer.wrap(batch, 0, batch.length - 1));
        assertEquals(0, LegacyDownConverter.convert(partialOnly, (byte) 0).sizeInBytes());
        MemoryRecords controlOnly = MemoryRecords.readableRecords(
            org.apache.kafka.common.record.MemoryRecords.withEndTransactionMarker(0L, 1L, 0, 7L, (short) 1,
                new EndTransactionMarker(ControlRecordType.ABORT, 0)).buffer());
        assertEquals(0, LegacyDownConverter.convert(controlOnly, (byte) 1).sizeInBytes());
        assertThrows(IllegalArgumentException.class, () -> LegacyDownConverter.convert(MemoryRecords.EMPTY, (byte) 2));
    }

    private static List<Long> offsets(LegacyMessageSet set) {
        List<Long> list = new ArrayList<>();
        set.records().forEach(r -> list.add(r.offset()));
        assertTrue(list.size() > 0);
        return list;
    }
}
