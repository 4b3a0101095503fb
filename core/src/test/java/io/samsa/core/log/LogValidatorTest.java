package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.record.BatchLayout;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogValidatorTest {

    private static final long NOW = 1_700_000_000_000L;
    private final LogConfig config = LogConfig.defaults();

    @Test
    void acceptsValidBatchesAndCountsThem() {
        ByteBuffer batches = TestBatches.concat(TestBatches.batch(3, 10, NOW - 5), TestBatches.batch(2, 10, NOW - 1));
        int size = batches.remaining();
        LogAppendInfo info = LogValidator.validateForLeader(batches, config, NOW);
        assertTrue(info.succeeded(), info.toString());
        assertEquals(size, info.validBytes());
        assertEquals(5, info.recordCount());
        assertEquals(2, info.batchCount());
        assertEquals(NOW - 1, info.maxTimestamp());
        assertEquals(-1, info.logAppendTime());
        assertEquals(0, batches.position());
    }

    @Test
    void badCrcIsCorruptMessage() {
        ByteBuffer batch = TestBatches.batch(2, 10, NOW);
        batch.put(BatchLayout.RECORDS_OFFSET + 4, (byte) (batch.get(BatchLayout.RECORDS_OFFSET + 4) ^ 0x55));
        LogAppendInfo info = LogValidator.validateForLeader(batch, config, NOW);
        assertEquals(Errors.CORRUPT_MESSAGE, info.error());
        assertTrue(info.errorMessage().contains("CRC"), info.errorMessage());
    }

    @Test
    void oversizedBatchIsMessageTooLarge() {
        LogConfig small = LogConfig.of(Map.of(LogConfig.MAX_MESSAGE_BYTES, "100"));
        LogAppendInfo info = LogValidator.validateForLeader(TestBatches.batch(4, 50, NOW), small, NOW);
        assertEquals(Errors.MESSAGE_TOO_LARGE, info.error());
    }

    @Test
    void truncatedInputIsCorruptMessage() {
        ByteBuffer batch = TestBatches.batch(2, 10, NOW);
        for (int cut : new int[]{5, 11, 40, batch.remaining() - 1}) {
            ByteBuffer truncated = batch.duplicate();
            truncated.limit(cut);
            assertEquals(Errors.CORRUPT_MESSAGE, LogValidator.validateForLeader(truncated, config, NOW).error(),
                    "cut at " + cut);
        }
        ByteBuffer trailing = TestBatches.concat(batch, ByteBuffer.wrap(new byte[7]));
        assertEquals(Errors.CORRUPT_MESSAGE, LogValidator.validateForLeader(trailing, config, NOW).error());
        ByteBuffer tooShortLength = TestBatches.batch(1, 10, NOW);
        tooShortLength.putInt(BatchLayout.LENGTH_OFFSET, 10);
        assertEquals(Errors.CORRUPT_MESSAGE, LogValidator.validateForLeader(tooShortLength, config, NOW).error());
    }

    @Test
    void wrongMagicIsCorruptMessage() {
        ByteBuffer batch = TestBatches.batch(1, 10, NOW);
        batch.put(BatchLayout.MAGIC_OFFSET, (byte) 1);
        assertEquals(Errors.CORRUPT_MESSAGE, LogValidator.validateForLeader(batch, config, NOW).error());
    }

    @Test
    void inconsistentCountsAreRejected() {
        ByteBuffer mismatch = TestBatches.batch(3, 10, NOW);
        mismatch.putInt(BatchLayout.LAST_OFFSET_DELTA_OFFSET, 5);
        TestBatches.reseal(mismatch, 0);
        assertEquals(Errors.INVALID_RECORD, LogValidator.validateForLeader(mismatch, config, NOW).error());

        ByteBuffer empty = TestBatches.batch(1, 10, NOW);
        empty.putInt(BatchLayout.RECORDS_COUNT_OFFSET, 0);
        TestBatches.reseal(empty, 0);
        assertEquals(Errors.INVALID_RECORD, LogValidator.validateForLeader(empty, config, NOW).error());

        ByteBuffer impossible = TestBatches.batch(1, 10, NOW);
        impossible.putInt(BatchLayout.RECORDS_COUNT_OFFSET, 1000);
        impossible.putInt(BatchLayout.LAST_OFFSET_DELTA_OFFSET, 999);
        TestBatches.reseal(impossible, 0);
        assertEquals(Errors.CORRUPT_MESSAGE, LogValidator.validateForLeader(impossible, config, NOW).error());
    }

    @Test
    void controlBatchesFromClientsAreRejected() {
        ByteBuffer batch = TestBatches.batch(1, 10, NOW);
        batch.putShort(BatchLayout.ATTRIBUTES_OFFSET, (short) BatchLayout.CONTROL_FLAG_MASK);
        TestBatches.reseal(batch, 0);
        assertEquals(Errors.INVALID_RECORD, LogValidator.validateForLeader(batch, config, NOW).error());
    }

    @Test
    void timestampsOutsideTheWindowAreInvalid() {
        LogConfig window = LogConfig.of(Map.of(LogConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS, "1000",
                LogConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS, "1000"));
        assertTrue(LogValidator.validateForLeader(TestBatches.batch(1, 1, NOW - 999), window, NOW).succeeded());
        assertEquals(Errors.INVALID_TIMESTAMP,
                LogValidator.validateForLeader(TestBatches.batch(1, 1, NOW - 1001), window, NOW).error());
        assertEquals(Errors.INVALID_TIMESTAMP,
                LogValidator.validateForLeader(TestBatches.batch(1, 1, NOW + 1001), window, NOW).error());
    }

    @Test
    void assignsContiguousOffsetsAndEpochInPlace() {
        ByteBuffer batches = TestBatches.concat(TestBatches.batch(3, 10, NOW), TestBatches.batch(1, 10, NOW),
                TestBatches.batch(5, 10, NOW));
        LogAppendInfo info = LogValidator.validateForLeader(batches, config, NOW);
        assertTrue(info.succeeded());
        long last = LogValidator.assignOffsets(batches, 100, 7);
        assertEquals(108, last);
        int second = BatchHeaders.sizeInBytes(batches, 0);
        int third = second + BatchHeaders.sizeInBytes(batches, second);
        assertEquals(100, BatchHeaders.baseOffset(batches, 0));
        assertEquals(103, BatchHeaders.baseOffset(batches, second));
        assertEquals(104, BatchHeaders.baseOffset(batches, third));
        assertEquals(7, BatchHeaders.partitionLeaderEpoch(batches, third));
        // Offsets and epoch are outside the CRC.
        assertTrue(LogValidator.validateForLeader(batches, config, NOW).succeeded());
    }

    @Test
    void logAppendTimeRewritesTimestampAndCrc() {
        LogConfig appendTime = LogConfig.of(Map.of(LogConfig.MESSAGE_TIMESTAMP_TYPE, "LogAppendTime"));
        ByteBuffer batch = TestBatches.batch(2, 10, 12345);
        LogAppendInfo info = LogValidator.validateForLeader(batch, appendTime, NOW);
        assertTrue(info.succeeded());
        assertEquals(NOW, info.logAppendTime());
        assertEquals(NOW, info.maxTimestamp());
        assertEquals(NOW, BatchHeaders.maxTimestamp(batch, 0));
        assertTrue(BatchHeaders.isLogAppendTime(BatchHeaders.attributes(batch, 0)));
        assertTrue(BatchHeaders.isCrcValid(batch, 0, batch.remaining()));

        // Kafka's own reader agrees: valid CRC, LogAppendTime, the append time on every record.
        MutableRecordBatch kafkaBatch = MemoryRecords.readableRecords(batch.duplicate()).batches().iterator().next();
        kafkaBatch.ensureValid();
        assertEquals(TimestampType.LOG_APPEND_TIME, kafkaBatch.timestampType());
        kafkaBatch.forEach(r -> assertEquals(NOW, r.timestamp()));
    }

    @Test
    void clientOnCreateTimeTopicMayNotClaimLogAppendTime() {
        ByteBuffer batch = TestBatches.batch(1, 10, NOW);
        batch.putShort(BatchLayout.ATTRIBUTES_OFFSET, (short) BatchLayout.TIMESTAMP_TYPE_MASK);
        TestBatches.reseal(batch, 0);
        assertEquals(Errors.INVALID_TIMESTAMP, LogValidator.validateForLeader(batch, config, NOW).error());
    }

    @Test
    void kafkaBuiltBatchesPassIncludingCompressedOnes() {
        for (Compression compression : new Compression[]{Compression.NONE, Compression.gzip().build(),
                Compression.lz4().build(), Compression.zstd().build(), Compression.snappy().build()}) {
            MemoryRecords records = MemoryRecords.withRecords(compression,
                    new SimpleRecord(NOW, "k1".getBytes(), "v1".getBytes()),
                    new SimpleRecord(NOW + 1, "k2".getBytes(), "v2".getBytes()),
                    new SimpleRecord(NOW + 2, null, "v3".getBytes()));
            ByteBuffer buf = records.buffer().duplicate();
            LogAppendInfo info = LogValidator.validateForLeader(buf, config, NOW);
            assertTrue(info.succeeded(), compression + ": " + info);
            assertEquals(3, info.recordCount());
            LogValidator.assignOffsets(buf, 42, 3);
            Iterator<MutableRecordBatch> it = MemoryRecords.readableRecords(buf.duplicate()).batches().iterator();
            MutableRecordBatch batch = it.next();
            batch.ensureValid();
            assertEquals(42, batch.baseOffset());
            assertEquals(44, batch.lastOffset());
            assertEquals(3, batch.partitionLeaderEpoch());
            assertFalse(it.hasNext());
        }
    }
}
