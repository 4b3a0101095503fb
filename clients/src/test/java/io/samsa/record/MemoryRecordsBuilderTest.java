package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryRecordsBuilderTest {

    @Test
    void explicitOffsetsMayHaveGapsButNotGoBack() {
        MemoryRecordsBuilder builder = MemoryRecords.builder(CompressionType.NONE, 100L);
        builder.appendWithOffset(100L, 1L, null, ByteBuffer.wrap(new byte[] {1}), null);
        builder.appendWithOffset(105L, 2L, null, ByteBuffer.wrap(new byte[] {2}), null);
        assertThrows(IllegalArgumentException.class, () -> builder.appendWithOffset(105L, 3L, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> builder.appendWithOffset(99L, 3L, null, null, null));
        assertEquals(106L, builder.nextOffset());
        MemoryRecords built = builder.build();
        List<BatchSnapshot> kafka = KafkaOracle.read(built.buffer());
        assertEquals(105L, kafka.get(0).lastOffset());
        assertEquals(105L, kafka.get(0).records().get(1).offset());
        assertEquals(2, kafka.get(0).recordCount());
    }

    @Test
    void settingsAreFrozenAfterTheFirstAppendAndBuildIsIdempotent() {
        MemoryRecordsBuilder builder = MemoryRecords.builder(CompressionType.SNAPPY, 0L).append(1L, null, new byte[3]);
        assertThrows(IllegalStateException.class, () -> builder.transactional(true));
        assertThrows(IllegalStateException.class, () -> builder.compressionLevel(1));
        MemoryRecords first = builder.build();
        assertSame(first, builder.build());
        assertThrows(IllegalStateException.class, () -> builder.append(2L, null, new byte[3]));
    }

    @Test
    void rejectsInvalidInput() {
        assertThrows(IllegalArgumentException.class, () -> MemoryRecords.builder(CompressionType.NONE, -1L));
        assertThrows(IllegalArgumentException.class,
            () -> MemoryRecords.builder(CompressionType.NONE, 0L).append(-5L, null, null));
        assertThrows(IllegalStateException.class, () -> MemoryRecords.builder(CompressionType.NONE, 0L)
            .timestampType(TimestampType.LOG_APPEND_TIME).append(1L, null, null));
        assertThrows(IllegalArgumentException.class,
            () -> MemoryRecords.builder(CompressionType.ZSTD, 0L).compressionLevel(23));
    }

    @Test
    void sizesAreReported() {
        MemoryRecordsBuilder builder = MemoryRecords.builder(CompressionType.NONE, 0L).initialCapacity(64);
        for (int i = 0; i < 1000; i++) {
            builder.append(i, ("k" + i).getBytes(), new byte[100]);
        }
        assertEquals(1000, builder.numRecords());
        long estimate = builder.estimatedSizeInBytes();
        MemoryRecords built = builder.build();
        assertEquals(estimate, built.sizeInBytes(), "exact for uncompressed batches");

        MemoryRecordsBuilder gzip = MemoryRecords.builder(CompressionType.GZIP, 0L);
        for (int i = 0; i < 1000; i++) {
            gzip.append(i, ("k" + i).getBytes(), new byte[100]);
        }
        long uncompressed = gzip.uncompressedBytesWritten();
        assertTrue(gzip.build().sizeInBytes() < uncompressed / 5);
    }

    @Test
    void headerValuesAreNotConsumed() {
        ByteBuffer value = ByteBuffer.wrap("payload".getBytes());
        Header header = new Header("h", ByteBuffer.wrap("hv".getBytes()));
        MemoryRecordsBuilder builder = MemoryRecords.builder(CompressionType.LZ4, 0L);
        builder.append(1L, null, value, new Header[] {header});
        builder.append(2L, null, value, new Header[] {header});
        assertEquals(0, value.position());
        List<Record> records = builder.build().batches().iterator().next().records();
        assertEquals(value, records.get(1).value());
        assertEquals(ByteBuffer.wrap("hv".getBytes()), records.get(1).headers()[0].valueBuffer());
    }
}
