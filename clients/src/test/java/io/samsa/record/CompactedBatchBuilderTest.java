package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The two builder settings the log cleaner needs, checked against Kafka's own batch reader. */
class CompactedBatchBuilderTest {

    @Test
    void deleteHorizonAndKeptLastOffsetReadTheSameInKafka() {
        MemoryRecords built = MemoryRecords.builder(CompressionType.LZ4, 100L)
            .producerState(42L, (short) 2, 7)
            .deleteHorizonMs(9_000_000L)
            .appendWithOffset(101L, 5_000L, ByteBuffer.wrap(new byte[] {1}), null, null)
            .appendWithOffset(103L, 6_000L, ByteBuffer.wrap(new byte[] {2}), ByteBuffer.wrap(new byte[] {9}), null)
            .overrideLastOffset(104L)
            .build();
        RecordBatch ours = built.batches().iterator().next();
        assertTrue(ours.isValid());
        assertTrue(ours.hasDeleteHorizon());
        assertEquals(9_000_000L, ours.deleteHorizonMs());
        assertEquals(100L, ours.baseOffset());
        assertEquals(104L, ours.lastOffset());
        assertEquals(11, ours.lastSequence());
        assertEquals(6_000L, ours.maxTimestamp());
        List<Long> timestamps = new ArrayList<>();
        for (Record r : ours) {
            timestamps.add(r.timestamp());
        }
        assertEquals(List.of(5_000L, 6_000L), timestamps);

        org.apache.kafka.common.record.RecordBatch kafka = org.apache.kafka.common.record.MemoryRecords
            .readableRecords(built.buffer()).batches().iterator().next();
        kafka.ensureValid();
        assertEquals(OptionalLong.of(9_000_000L), kafka.deleteHorizonMs());
        assertEquals(104L, kafka.lastOffset());
        assertEquals(11, kafka.lastSequence());
        List<Long> kafkaTimestamps = new ArrayList<>();
        List<Long> kafkaOffsets = new ArrayList<>();
        for (org.apache.kafka.common.record.Record r : kafka) {
            kafkaTimestamps.add(r.timestamp());
            kafkaOffsets.add(r.offset());
        }
        assertEquals(List.of(5_000L, 6_000L), kafkaTimestamps);
        assertEquals(List.of(101L, 103L), kafkaOffsets);
    }

    @Test
    void withoutTheSettingsNothingChanges() {
        RecordBatch plain = MemoryRecords.builder(CompressionType.NONE, 0L).append(1L, null, new byte[1]).build()
            .batches().iterator().next();
        assertFalse(plain.hasDeleteHorizon());
        assertEquals(BatchLayout.NO_TIMESTAMP, plain.deleteHorizonMs());
        assertEquals(0L, plain.lastOffset());
    }
}
