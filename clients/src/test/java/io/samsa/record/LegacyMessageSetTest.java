package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.samsa.record.compress.Lz4FrameInputStream;
import net.jpountz.xxhash.XXHashFactory;

/** Samsa reads legacy message sets exactly as Kafka 3.9.1 writes and reads them. */
class LegacyMessageSetTest {

    private static final CompressionType[] LEGACY_CODECS = {
        CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY, CompressionType.LZ4};
    private static final long APPEND_TIME = 1_750_000_000_999L;

    static Stream<Arguments> magicsAndCodecs() {
        List<Arguments> list = new ArrayList<>();
        for (byte magic = 0; magic <= 1; magic++) {
            for (CompressionType type : LEGACY_CODECS) {
                list.add(Arguments.of(magic, type));
            }
        }
        return list.stream();
    }

    @ParameterizedTest(name = "magic {0} {1}")
    @MethodSource("magicsAndCodecs")
    void readsKafkaBuiltSetsRecordForRecord(byte magic, CompressionType type) {
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(25, magic * 10 + type.id, true);
        ByteBuffer kafka = LegacyOracle.build(magic, type, 500L, -1L, inputs);
        LegacyMessageSet set = LegacyMessageSet.readableMessages(kafka);

        List<LegacyOracle.Rec> expected = LegacyOracle.expected(magic, 500L, -1L, inputs);
        assertEquals(expected, LegacyOracle.read(kafka, magic), "Kafka's own reading");
        assertEquals(expected, LegacyOracle.samsa(set));
        set.ensureValid();

        TimestampType expectedType = magic == 0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME;
        for (LegacyRecord r : set.records()) {
            assertEquals(magic, r.magic());
            assertEquals(expectedType, r.timestampType());
        }
        List<LegacyMessage> entries = new ArrayList<>();
        set.entries().forEach(entries::add);
        assertEquals(type == CompressionType.NONE ? inputs.size() : 1, entries.size());
        assertEquals(type, set.sourceCompression());
        for (LegacyMessage m : entries) {
            assertTrue(m.isValid());
            assertEquals(type, m.compressionType());
        }
        if (type != CompressionType.NONE) {
            assertEquals(500L + inputs.size() - 1, entries.get(0).offset(), "the wrapper carries the last offset");
            assertFalse(entries.get(0).hasKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NONE", "GZIP", "SNAPPY", "LZ4"})
    void readsMagic1LogAppendTime(String codec) {
        CompressionType type = CompressionType.valueOf(codec);
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(12, 3, false);
        ByteBuffer kafka = LegacyOracle.build((byte) 1, type, 7L, APPEND_TIME, inputs);
        LegacyMessageSet set = LegacyMessageSet.readableMessages(kafka);

        assertEquals(LegacyOracle.read(kafka, (byte) 1), LegacyOracle.samsa(set));
        assertEquals(LegacyOracle.expected((byte) 1, 7L, APPEND_TIME, inputs), LegacyOracle.samsa(set));
        for (LegacyRecord r : set.records()) {
            assertEquals(TimestampType.LOG_APPEND_TIME, r.timestampType());
        }
    }

    /** Several appends: sets of both magics and every codec, one after another, as one request may carry. */
    @Test
    void readsConcatenatedSetsOfMixedMagicAndCodec() {
        ByteBuffer all = ByteBuffer.allocate(1 << 20);
        List<LegacyOracle.Rec> expected = new ArrayList<>();
        long offset = 0;
        CompressionType lastCompressed = CompressionType.NONE;
        for (byte magic = 0; magic <= 1; magic++) {
            for (CompressionType type : LEGACY_CODECS) {
                List<LegacyOracle.In> inputs = LegacyOracle.inputs(4 + type.id, offset, false);
                all.put(LegacyOracle.build(magic, type, offset, -1L, inputs));
                expected.addAll(LegacyOracle.expected(magic, offset, -1L, inputs));
                offset += inputs.size();
                if (type != CompressionType.NONE) {
                    lastCompressed = type;
                }
            }
        }
        all.flip();
        assertEquals(expected, LegacyOracle.read(all, LegacyOracle.ANY_MAGIC));
        LegacyMessageSet set = LegacyMessageSet.readableMessages(all);
        assertEquals(expected, LegacyOracle.samsa(set));
        assertEquals(lastCompressed, set.sourceCompression());
    }

    @Test
    void emptySetHasNoRecords() {
        LegacyMessageSet set = LegacyMessageSet.readableMessages(ByteBuffer.allocate(0));
        assertFalse(set.records().iterator().hasNext());
        assertEquals(CompressionType.NONE, set.sourceCompression());
        set.ensureValid();
    }

    @Test
    void singleMessageView() {
        ByteBuffer kafka = LegacyOracle.build((byte) 1, CompressionType.NONE, 42L, -1L,
            List.of(new LegacyOracle.In(1234L, "k".getBytes(), null)));
        LegacyMessage m = new LegacyMessage(kafka);
        assertEquals(42L, m.offset());
        assertEquals(1, m.magic());
        assertEquals(1234L, m.timestamp());
        assertEquals(TimestampType.CREATE_TIME, m.timestampType());
        assertEquals(ByteBuffer.wrap("k".getBytes()), m.key());
        assertEquals(1, m.keySize());
        assertEquals(-1, m.valueSize());
        assertEquals(null, m.value());
        assertEquals(kafka.remaining(), m.sizeInBytes());
        assertEquals(new org.apache.kafka.common.record.LegacyRecord(kafka.slice(12, kafka.remaining() - 12))
            .checksum(), m.checksum());
        m.ensureValid();
    }

    @Test
    void detectsTheMagicOfTheFirstEntry() {
        ByteBuffer v0 = LegacyOracle.build((byte) 0, CompressionType.NONE, 0L, -1L, LegacyOracle.inputs(2, 1, false));
        ByteBuffer v1 = LegacyOracle.build((byte) 1, CompressionType.GZIP, 0L, -1L, LegacyOracle.inputs(2, 1, false));
        ByteBuffer v2 = MemoryRecords.builder(CompressionType.NONE, 0L).append(1L, (byte[]) null, null).build().buffer();
        assertEquals(0, RecordMagic.firstMagic(v0));
        assertEquals(1, RecordMagic.firstMagic(v1));
        assertEquals(2, RecordMagic.firstMagic(v2));
        assertEquals(RecordMagic.UNKNOWN, RecordMagic.firstMagic(ByteBuffer.allocate(16)));
        ByteBuffer shifted = ByteBuffer.allocate(v1.remaining() + 5);
        shifted.position(5);
        shifted.put(v1.duplicate());
        shifted.position(5);
        assertEquals(1, RecordMagic.firstMagic(shifted), "read from the position");
        assertEquals(5, shifted.position());
        assertTrue(RecordMagic.isLegacy(0));
        assertTrue(RecordMagic.isLegacy(1));
        assertFalse(RecordMagic.isLegacy(2));
    }

    // ---- the LZ4 magic 0 checksum quirk (KAFKA-3160) ----

    /** The LZ4 frame that is the value of the first (wrapper) message. */
    private static ByteBuffer lz4Frame(ByteBuffer set) {
        return new LegacyMessage(set.slice(0, set.getInt(8) + 12)).value();
    }

    @Test
    void kafkaWritesMagic0Lz4WithTheChecksumOverTheFrameMagic() {
        ByteBuffer kafka = LegacyOracle.build((byte) 0, CompressionType.LZ4, 0L, -1L, LegacyOracle.inputs(5, 2, false));
        ByteBuffer frame = lz4Frame(kafka);
        byte[] header = new byte[7];
        frame.duplicate().get(header);
        int broken = XXHashFactory.fastestInstance().hash32().hash(header, 0, 6, 0);
        int standard = XXHashFactory.fastestInstance().hash32().hash(header, 4, 2, 0);
        assertEquals((byte) (broken >> 8), header[6], "magic 0: checksum over magic and descriptor");
        assertTrue((byte) (standard >> 8) != header[6]);
        // A strict reader refuses the frame; the legacy path reads it (covered above) by skipping the check.
        assertThrows(IOException.class, () -> new Lz4FrameInputStream(frame));

        ByteBuffer magic1 = LegacyOracle.build((byte) 1, CompressionType.LZ4, 0L, -1L, LegacyOracle.inputs(5, 2, false));
        byte[] header1 = new byte[7];
        lz4Frame(magic1).get(header1);
        int standard1 = XXHashFactory.fastestInstance().hash32().hash(header1, 4, 2, 0);
        assertEquals((byte) (standard1 >> 8), header1[6], "magic 1: the standard checksum");
    }

    @Test
    void magic0Lz4WithTheStandardChecksumIsReadToo() {
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(6, 4, false);
        byte[] inner = LegacyCraft.innerSet((byte) 0, 0L, inputs);
        ByteBuffer set = LegacyCraft.wrapper(5L, (byte) 0, CompressionType.LZ4, false, inner);
        assertEquals(LegacyOracle.expected((byte) 0, 0L, -1L, inputs),
            LegacyOracle.samsa(LegacyMessageSet.readableMessages(set)));
    }

    @Test
    void magic1Lz4WithTheBrokenChecksumIsCorrupt() {
        byte[] inner = LegacyCraft.innerSet((byte) 1, 0L, LegacyOracle.inputs(3, 5, false));
        ByteBuffer set = LegacyCraft.wrapper(2L, (byte) 1, CompressionType.LZ4, true, inner);
        assertThrows(CorruptRecordException.class, () -> LegacyMessageSet.readableMessages(set).ensureValid());
        // Kafka agrees.
        assertThrows(RuntimeException.class, () -> LegacyOracle.read(set, (byte) 1));
    }

    @Test
    void samsaMagic0Lz4FramesCarryTheBrokenChecksumLikeKafka() {
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(8, 6, false);
        LegacyMessageSetBuilder builder = new LegacyMessageSetBuilder((byte) 0, CompressionType.LZ4);
        for (int i = 0; i < inputs.size(); i++) {
            builder.appendWithOffset(i, inputs.get(i).timestamp(), inputs.get(i).key(), inputs.get(i).value());
        }
        ByteBuffer samsa = builder.build().buffer();
        ByteBuffer kafka = LegacyOracle.build((byte) 0, CompressionType.LZ4, 0L, -1L, inputs);
        assertArrayEquals(ByteUtils.toArray(kafka), ByteUtils.toArray(samsa));
    }
}
