package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RecordBatchTest {

    private static RecordBatch firstBatch(MemoryRecords records) {
        return records.batches().iterator().next();
    }

    private static MemoryRecords sample(CompressionType type) {
        return TestData.buildWithSamsa(TestData.Spec.plain(type).withBaseOffset(5).withProducer(11L, (short) 1, 0, false),
            TestData.varied(40, 1));
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void flippedPayloadByteFailsTheCrc(CompressionType type) {
        ByteBuffer bytes = sample(type).buffer();
        RecordBatch batch = new RecordBatch(bytes);
        assertTrue(batch.isValid());
        int target = BatchLayout.RECORDS_OFFSET + (bytes.limit() - BatchLayout.RECORDS_OFFSET) / 2;
        bytes.put(target, (byte) (bytes.get(target) ^ 0x10));
        assertFalse(batch.isValid());
        assertThrows(CorruptRecordException.class, batch::ensureValid);
        assertFalse(KafkaOracle.kafkaSaysValid(bytes), "Kafka agrees the batch is corrupt");
    }

    @Test
    void everyCoveredHeaderFieldIsProtected() {
        for (int offset = BatchLayout.ATTRIBUTES_OFFSET; offset < BatchLayout.RECORDS_OFFSET; offset++) {
            ByteBuffer bytes = sample(CompressionType.NONE).buffer();
            bytes.put(offset, (byte) (bytes.get(offset) ^ 1));
            assertFalse(new RecordBatch(bytes).isValid(), "flip at " + offset);
        }
    }

    @Test
    void baseOffsetAndLeaderEpochRewritesKeepTheCrc() {
        ByteBuffer bytes = sample(CompressionType.GZIP).buffer();
        RecordBatch batch = new RecordBatch(bytes);
        long crc = batch.checksum();
        batch.setBaseOffset(1_000_000L);
        batch.setPartitionLeaderEpoch(42);
        assertTrue(batch.isValid());
        assertEquals(crc, batch.checksum());
        assertEquals(1_000_000L, batch.baseOffset());
        assertEquals(1_000_039L, batch.lastOffset());
        assertEquals(42, batch.partitionLeaderEpoch());
        assertEquals(1_000_000L, batch.records().get(0).offset());

        BatchSnapshot kafka = KafkaOracle.read(bytes).get(0); // validates
        assertEquals(1_000_000L, kafka.baseOffset());
        assertEquals(42, kafka.partitionLeaderEpoch());
        assertEquals(1_000_039L, kafka.records().get(39).offset());
    }

    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void logAppendTimeRewriteIsValidForKafka(CompressionType type) {
        ByteBuffer bytes = sample(type).buffer();
        RecordBatch batch = new RecordBatch(bytes);
        long appendTime = 1_800_000_000_000L;
        batch.setLogAppendTime(appendTime);

        assertTrue(batch.isValid());
        assertEquals(TimestampType.LOG_APPEND_TIME, batch.timestampType());
        assertEquals(appendTime, batch.maxTimestamp());
        assertEquals(type, batch.compressionType());
        assertTrue(batch.hasProducerId());
        for (Record r : batch) {
            assertEquals(appendTime, r.timestamp());
        }

        BatchSnapshot kafka = KafkaOracle.read(bytes).get(0); // ensureValid() passes
        assertEquals(TimestampType.LOG_APPEND_TIME, kafka.timestampType());
        assertEquals(appendTime, kafka.maxTimestamp());
        kafka.records().forEach(r -> assertEquals(appendTime, r.timestamp()));
        assertEquals(BatchSnapshot.of(batch), kafka);
    }

    @Test
    void setMaxTimestampMatchesKafkasRewrite() {
        ByteBuffer ours = sample(CompressionType.NONE).buffer();
        ByteBuffer theirs = TestData.copy(ours);
        new RecordBatch(ours).setMaxTimestamp(TimestampType.CREATE_TIME, 123L);
        MutableRecordBatch kafka = org.apache.kafka.common.record.MemoryRecords.readableRecords(theirs).batches()
            .iterator().next();
        kafka.setMaxTimestamp(org.apache.kafka.common.record.TimestampType.CREATE_TIME, 123L);
        assertEquals(theirs, ours);
    }

    @Test
    void allHeaderAccessors() {
        MemoryRecords built = MemoryRecords.builder(CompressionType.ZSTD, 100L)
            .producerState(77L, (short) 4, 10)
            .transactional(true)
            .partitionLeaderEpoch(9)
            .append(1000L, "a".getBytes(), "b".getBytes())
            .append(900L, null, null)
            .append(1100L, "c".getBytes(), null)
            .build();
        RecordBatch b = firstBatch(built);
        assertEquals(100L, b.baseOffset());
        assertEquals(102L, b.lastOffset());
        assertEquals(103L, b.nextOffset());
        assertEquals(2, b.lastOffsetDelta());
        assertEquals(built.sizeInBytes(), b.sizeInBytes());
        assertEquals(b.sizeInBytes() - BatchLayout.LOG_OVERHEAD, b.batchLength());
        assertEquals(9, b.partitionLeaderEpoch());
        assertEquals(2, b.magic());
        assertEquals(CompressionType.ZSTD, b.compressionType());
        assertEquals(CompressionType.ZSTD.id | BatchLayout.TRANSACTIONAL_FLAG_MASK, b.attributes());
        assertTrue(b.isCompressed());
        assertTrue(b.isTransactional());
        assertFalse(b.isControlBatch());
        assertFalse(b.hasDeleteHorizon());
        assertEquals(TimestampType.CREATE_TIME, b.timestampType());
        assertEquals(1000L, b.baseTimestamp());
        assertEquals(1100L, b.maxTimestamp());
        assertEquals(77L, b.producerId());
        assertEquals(4, b.producerEpoch());
        assertEquals(10, b.baseSequence());
        assertEquals(12, b.lastSequence());
        assertEquals(3, b.recordCount());
        assertEquals(b.computeChecksum(), b.checksum());
        List<Record> records = b.records();
        assertEquals(900L, records.get(1).timestamp());
        assertEquals(11, records.get(1).sequence());
        assertFalse(records.get(1).hasKey());
        assertFalse(records.get(1).hasValue());
    }

    @Test
    void controlFlagIsWrittenAndRead() {
        MemoryRecords built = MemoryRecords.builder(CompressionType.NONE, 0L).control(true).transactional(true)
            .producerState(1L, (short) 0, -1).append(5L, new byte[4], new byte[6]).build();
        assertTrue(firstBatch(built).isControlBatch());
        assertTrue(KafkaOracle.read(built.buffer()).get(0).control());
    }

    @Test
    void olderMagicIsRejected() {
        for (byte magic : new byte[] {0, 1}) {
            org.apache.kafka.common.record.MemoryRecords old = org.apache.kafka.common.record.MemoryRecords.withRecords(
                magic, 0L, KafkaOracle.compression(CompressionType.NONE),
                new SimpleRecord(1L, "k".getBytes(), "v".getBytes()));
            UnsupportedMagicException e = assertThrows(UnsupportedMagicException.class,
                () -> MemoryRecords.readableRecords(old.buffer()).batches().iterator().next());
            assertEquals(magic, e.magic());
            assertTrue(e.getMessage().contains("magic " + magic), e.getMessage());
            assertThrows(UnsupportedMagicException.class, () -> new RecordBatch(old.buffer()));
        }
    }

    @Test
    void unknownCodecIdIsCorruption() {
        ByteBuffer bytes = sample(CompressionType.NONE).buffer();
        bytes.putShort(BatchLayout.ATTRIBUTES_OFFSET, (short) 7);
        RecordBatch batch = new RecordBatch(bytes);
        assertThrows(CorruptRecordException.class, batch::compressionType);
        assertThrows(CorruptRecordException.class, batch::iterator);
    }

    @Test
    void wrongRecordCountIsCorruption() {
        for (int delta : new int[] {-1, 1, 1_000_000}) {
            ByteBuffer bytes = sample(CompressionType.LZ4).buffer();
            bytes.putInt(BatchLayout.RECORDS_COUNT_OFFSET, 40 + delta);
            RecordBatch batch = new RecordBatch(bytes);
            assertThrows(CorruptRecordException.class, batch::records, "delta " + delta);
        }
        ByteBuffer bytes = sample(CompressionType.NONE).buffer();
        bytes.putInt(BatchLayout.RECORDS_COUNT_OFFSET, -3);
        assertThrows(CorruptRecordException.class, new RecordBatch(bytes)::iterator);
    }

    @Test
    void lengthMustMatchTheBuffer() {
        ByteBuffer bytes = sample(CompressionType.NONE).buffer();
        ByteBuffer shorter = bytes.duplicate().limit(bytes.limit() - 1);
        assertThrows(CorruptRecordException.class, () -> new RecordBatch(shorter));
        assertThrows(CorruptRecordException.class, () -> new RecordBatch(bytes.duplicate().limit(30)));
    }

    /** Random damage to the records section: only this package's exceptions may escape, never an index error. */
    @ParameterizedTest
    @EnumSource(CompressionType.class)
    void damagedRecordsRaiseOnlyRecordFormatExceptions(CompressionType type) {
        ByteBuffer pristine = sample(type).buffer();
        Random random = new Random(type.id);
        int recordsLength = pristine.limit() - BatchLayout.RECORDS_OFFSET;
        int failures = 0;
        for (int round = 0; round < 300; round++) {
            ByteBuffer bytes = TestData.copy(pristine);
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int at = BatchLayout.RECORDS_OFFSET + random.nextInt(Math.min(recordsLength, 200));
                bytes.put(at, (byte) random.nextInt(256));
            }
            try {
                for (Record r : new RecordBatch(bytes)) {
                    r.headers();
                }
            } catch (RecordFormatException expected) {
                failures++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + " escaped with " + e, e);
            }
        }
        assertTrue(failures > 0, "some damage must be detected");
    }
}
