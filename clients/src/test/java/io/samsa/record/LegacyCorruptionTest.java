package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad legacy input of every kind raises a RecordFormatException from reading, validation and
 * up-conversion alike, and nothing else escapes: CorruptRecordException for damaged bytes
 * (Kafka's CORRUPT_MESSAGE), InvalidRecordException for intact messages that break Kafka's
 * wrapper rules (Kafka's INVALID_RECORD).
 */
class LegacyCorruptionTest {

    private static ByteBuffer kafkaSet(byte magic, CompressionType type) {
        return LegacyOracle.build(magic, type, 0L, -1L, LegacyOracle.inputs(4, 9, false));
    }

    /** Runs every consumer of a set; returns the failure, or null when the set read cleanly. */
    private static RecordFormatException readAll(ByteBuffer bytes) {
        LegacyMessageSet set = LegacyMessageSet.readableMessages(bytes);
        try {
            set.ensureValid();
            LegacyOracle.samsa(set);
            set.sourceCompression();
            LegacyUpConverter.toRecordBatch(set, CompressionType.GZIP);
            return null;
        } catch (RecordFormatException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("Only RecordFormatException may escape, got " + t, t);
        }
    }

    private static void assertCorrupt(ByteBuffer bytes, String what) {
        assertRejected(bytes, CorruptRecordException.class, what);
    }

    private static void assertInvalid(ByteBuffer bytes, String what) {
        assertRejected(bytes, InvalidRecordException.class, what);
    }

    private static void assertRejected(ByteBuffer bytes, Class<? extends RecordFormatException> type, String what) {
        RecordFormatException e = readAll(bytes);
        if (e == null) {
            fail(what + ": expected " + type.getSimpleName());
        }
        assertEquals(type, e.getClass(), what + ": " + e);
    }

    @ParameterizedTest(name = "magic {0} {1}")
    @MethodSource("io.samsa.record.LegacyOracle#magicsAndCodecs")
    void everyFlippedMessageByteIsCaught(byte magic, CompressionType type) {
        byte[] bytes = ByteUtils.toArray(kafkaSet(magic, type));
        int firstEntryEnd = 12 + ByteBuffer.wrap(bytes).getInt(8);
        // From the CRC on, every byte of the first message is covered by the CRC or the framing.
        for (int i = 12; i < firstEntryEnd; i++) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 0x10;
            assertCorrupt(ByteBuffer.wrap(flipped), "byte " + i);
        }
        // The offset field is not covered by anything; a flip there changes offsets only.
        byte[] offsetFlipped = bytes.clone();
        offsetFlipped[7] ^= 1;
        assertEquals(null, readAll(ByteBuffer.wrap(offsetFlipped)));
    }

    @ParameterizedTest(name = "magic {0} {1}")
    @MethodSource("io.samsa.record.LegacyOracle#magicsAndCodecs")
    void truncationAnywhereIsCaught(byte magic, CompressionType type) {
        byte[] bytes = ByteUtils.toArray(kafkaSet(magic, type));
        List<Integer> boundaries = new ArrayList<>();
        for (LegacyMessage m : LegacyMessageSet.readableMessages(ByteBuffer.wrap(bytes)).entries()) {
            boundaries.add((boundaries.isEmpty() ? 0 : boundaries.get(boundaries.size() - 1)) + m.sizeInBytes());
        }
        for (int cut = 1; cut < bytes.length; cut++) {
            RecordFormatException e = readAll(ByteBuffer.wrap(bytes, 0, cut));
            if (boundaries.contains(cut)) {
                assertEquals(null, e, "a cut between entries leaves a valid, shorter set");
            } else {
                assertTrue(e instanceof CorruptRecordException, "cut at " + cut + ": " + e);
            }
        }
    }

    @ParameterizedTest(name = "wrapper magic {0}")
    @ValueSource(bytes = {0, 1})
    void innerMessageOfAnotherMagic(byte magic) {
        byte other = (byte) (1 - magic);
        List<LegacyOracle.In> inputs = LegacyOracle.inputs(3, 1, false);
        byte[] inner = LegacyCraft.concat(LegacyCraft.innerSet(magic, 0L, inputs.subList(0, 2)),
            LegacyCraft.innerSet(other, 2L, inputs.subList(2, 3)));
        for (CompressionType type : new CompressionType[] {CompressionType.GZIP, CompressionType.LZ4}) {
            // Kafka's reader lets this through; its log validator answers INVALID_RECORD.
            assertInvalid(LegacyCraft.wrapper(2L, magic, type, magic == 0, inner), type + " mixed inner magic");
        }
    }

    @ParameterizedTest(name = "magic {0}")
    @ValueSource(bytes = {0, 1})
    void nestedWrapper(byte magic) {
        byte[] innermost = LegacyCraft.innerSet(magic, 0L, LegacyOracle.inputs(2, 2, false));
        byte[] nested = ByteUtils.toArray(LegacyCraft.wrapper(1L, magic, CompressionType.GZIP, false, innermost));
        byte[] inner = LegacyCraft.concat(LegacyCraft.innerSet(magic, 0L, LegacyOracle.inputs(1, 3, false)), nested);
        ByteBuffer set = LegacyCraft.wrapper(1L, magic, CompressionType.SNAPPY, false, inner);
        assertInvalid(set, "nested wrapper");
        assertThrows(org.apache.kafka.common.InvalidRecordException.class,
            () -> LegacyOracle.read(set, LegacyOracle.ANY_MAGIC), "Kafka's reader refuses it the same way");
    }

    @Test
    void corruptInnerMessageUnderAValidWrapper() {
        byte[] inner = LegacyCraft.innerSet((byte) 1, 0L, LegacyOracle.inputs(3, 4, false));
        inner[inner.length - 1] ^= 1;
        assertCorrupt(LegacyCraft.wrapper(2L, (byte) 1, CompressionType.GZIP, false, inner), "inner CRC");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GZIP", "SNAPPY", "LZ4"})
    void undecodableWrapperValues(String codec) {
        CompressionType type = CompressionType.valueOf(codec);
        Random random = new Random(type.id);
        for (byte magic = 0; magic <= 1; magic++) {
            // Random bytes where the compressed stream should be, under a correct CRC.
            for (int length : new int[] {0, 1, 7, 64, 1000}) {
                byte[] garbage = new byte[length];
                random.nextBytes(garbage);
                assertCorrupt(ByteBuffer.wrap(LegacyCraft.entry(0L, magic, type.id, 1L, null, garbage)),
                    "garbage value of " + length);
            }
            // A well-formed stream that decompresses to garbage, and one cut short.
            byte[] noise = new byte[500];
            random.nextBytes(noise);
            assertCorrupt(LegacyCraft.wrapper(0L, magic, type, magic == 0, noise), "garbage inner set");
            byte[] good = LegacyCraft.compress(type, magic == 0,
                LegacyCraft.innerSet(magic, 0L, LegacyOracle.inputs(20, 5, false)));
            byte[] cut = Arrays.copyOf(good, good.length - 3);
            assertCorrupt(ByteBuffer.wrap(LegacyCraft.entry(19L, magic, type.id, 1L, null, cut)), "cut stream");
            // Nothing inside, and a null value: intact bytes, refused by rule as Kafka does.
            ByteBuffer empty = LegacyCraft.wrapper(0L, magic, type, magic == 0, new byte[0]);
            assertInvalid(empty, "empty wrapper");
            assertThrows(org.apache.kafka.common.InvalidRecordException.class,
                () -> LegacyOracle.read(empty, LegacyOracle.ANY_MAGIC));
            ByteBuffer nullValue = ByteBuffer.wrap(LegacyCraft.entry(0L, magic, type.id, 1L, null, null));
            assertInvalid(nullValue, "null value");
            assertThrows(org.apache.kafka.common.InvalidRecordException.class,
                () -> LegacyOracle.read(nullValue, LegacyOracle.ANY_MAGIC));
        }
    }

    @Test
    void codecsThatDoNotExistForLegacyMessages() {
        byte[] inner = LegacyCraft.innerSet((byte) 1, 0L, LegacyOracle.inputs(2, 6, false));
        assertInvalid(ByteBuffer.wrap(LegacyCraft.entry(1L, (byte) 1, CompressionType.ZSTD.id, 1L, null, inner)),
            "zstd");
        for (int id = 5; id <= 7; id++) {
            assertCorrupt(ByteBuffer.wrap(LegacyCraft.entry(1L, (byte) 1, id, 1L, null, inner)), "codec " + id);
        }
    }

    @Test
    void entriesOfOtherMagicsAndBadFraming() {
        byte[] good = LegacyCraft.entry(0L, (byte) 1, 0, 5L, "k".getBytes(), "v".getBytes());
        ByteBuffer v2 = MemoryRecords.builder(CompressionType.NONE, 1L).append(1L, (byte[]) null, null).build().buffer();
        assertCorrupt(ByteBuffer.wrap(LegacyCraft.concat(good, ByteUtils.toArray(v2))), "v2 batch after a message");
        byte[] magic3 = LegacyCraft.entry(0L, (byte) 1, 0, 5L, null, null);
        magic3[16] = 3;
        assertCorrupt(ByteBuffer.wrap(magic3), "magic 3");

        // A key length running past the message, and one leaving bytes unread (both under a correct CRC).
        byte[] longKey = LegacyCraft.entry(0L, (byte) 0, 0, 0L, "abc".getBytes(), null);
        ByteBuffer.wrap(longKey).putInt(18, 100);
        assertCorrupt(ByteBuffer.wrap(rechecksum(longKey)), "key length past the end");
        byte[] shortValue = LegacyCraft.entry(0L, (byte) 0, 0, 0L, null, "abcdef".getBytes());
        ByteBuffer.wrap(shortValue).putInt(22, 2);
        assertCorrupt(ByteBuffer.wrap(rechecksum(shortValue)), "bytes after the value");
        byte[] negative = LegacyCraft.entry(0L, (byte) 1, 0, 0L, null, "abcdef".getBytes());
        ByteBuffer.wrap(negative).putInt(30, -7);
        assertCorrupt(ByteBuffer.wrap(rechecksum(negative)), "negative value length");

        // Declared sizes below the minimum, or beyond the buffer.
        byte[] tiny = good.clone();
        ByteBuffer.wrap(tiny).putInt(8, 5);
        assertCorrupt(ByteBuffer.wrap(tiny), "size below the minimum");
        byte[] huge = good.clone();
        ByteBuffer.wrap(huge).putInt(8, Integer.MAX_VALUE);
        assertCorrupt(ByteBuffer.wrap(huge), "size beyond the buffer");
        // A magic 1 header needs 22 bytes; a 14-byte message claiming magic 1 is short.
        byte[] shortV1 = LegacyCraft.entry(0L, (byte) 0, 0, 0L, null, null);
        shortV1[16] = 1;
        assertCorrupt(ByteBuffer.wrap(rechecksum(shortV1)), "magic 1 shorter than its header");
    }

    @Test
    void randomGarbage() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(200) + 1];
            random.nextBytes(garbage);
            if (i % 3 == 0 && garbage.length > 17) {
                // Make it look like a legacy entry as far as the magic byte, so the deeper checks run.
                ByteBuffer.wrap(garbage).putInt(8, garbage.length - 12).put(16, (byte) (i % 2));
            }
            assertCorrupt(ByteBuffer.wrap(garbage), "garbage " + i);
        }
    }

    @Test
    void singleMessageViewChecksFraming() {
        assertThrows(CorruptRecordException.class, () -> new LegacyMessage(ByteBuffer.allocate(10)));
        byte[] good = LegacyCraft.entry(3L, (byte) 1, 0, 5L, null, "v".getBytes());
        assertThrows(CorruptRecordException.class, () -> new LegacyMessage(ByteBuffer.wrap(good, 0, good.length - 1)));
        byte[] flipped = good.clone();
        flipped[good.length - 1] ^= 1;
        LegacyMessage m = new LegacyMessage(ByteBuffer.wrap(flipped));
        assertTrue(!m.isValid());
        assertThrows(CorruptRecordException.class, m::ensureValid);
    }

    /** Recomputes the CRC of a hand-edited single entry, so that only the edit is wrong. */
    private static byte[] rechecksum(byte[] entry) {
        CRC32 crc = new CRC32();
        crc.update(entry, 16, entry.length - 16);
        ByteBuffer.wrap(entry).putInt(12, (int) crc.getValue());
        return entry;
    }
}
