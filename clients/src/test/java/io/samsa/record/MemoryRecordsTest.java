package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MemoryRecordsTest {

    /** Three batches of different codecs, as a fetch response would carry them. */
    private static ByteBuffer threeBatches() {
        ByteBuffer a = TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.NONE), TestData.varied(5, 1)).buffer();
        ByteBuffer b = KafkaOracle.build(TestData.Spec.plain(CompressionType.SNAPPY).withBaseOffset(5),
            TestData.varied(7, 2));
        ByteBuffer c = TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.ZSTD).withBaseOffset(12),
            TestData.varied(3, 3)).buffer();
        ByteBuffer all = ByteBuffer.allocate(a.remaining() + b.remaining() + c.remaining());
        all.put(a).put(b).put(c).flip();
        return all;
    }

    private static int[] batchEnds(ByteBuffer all) {
        List<Integer> ends = new ArrayList<>();
        int end = 0;
        for (RecordBatch batch : MemoryRecords.readableRecords(all).batches()) {
            end += batch.sizeInBytes();
            ends.add(end);
        }
        return ends.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void shallowAndDeepIteration() {
        MemoryRecords records = MemoryRecords.readableRecords(threeBatches());
        List<Long> bases = new ArrayList<>();
        for (RecordBatch batch : records.batches()) {
            assertTrue(batch.isValid());
            bases.add(batch.baseOffset());
        }
        assertEquals(List.of(0L, 5L, 12L), bases);
        long expectedOffset = 0;
        for (Record r : records.records()) {
            assertEquals(expectedOffset++, r.offset());
        }
        assertEquals(15, expectedOffset);
        assertFalse(records.hasPartialTrailingBatch());
        assertEquals(records.sizeInBytes(), records.sizeOfCompleteBatches());
        assertEquals(new RecordBatch(records.buffer().limit(batchEnds(records.buffer())[0])).sizeInBytes(),
            records.firstBatchSize());
    }

    @Test
    void everyTruncationEndsIterationQuietly() {
        ByteBuffer all = threeBatches();
        int[] ends = batchEnds(all);
        for (int cut = 0; cut <= all.limit(); cut++) {
            MemoryRecords records = MemoryRecords.readableRecords(all.duplicate().limit(cut));
            int complete = 0;
            int expectedComplete = 0;
            int completeBytes = 0;
            for (int end : ends) {
                if (end <= cut) {
                    expectedComplete++;
                    completeBytes = end;
                }
            }
            BatchIterator it = records.batchIterator();
            while (it.hasNext()) {
                it.next().ensureValid();
                complete++;
            }
            assertEquals(expectedComplete, complete, "cut at " + cut);
            assertEquals(completeBytes, it.position(), "cut at " + cut);
            assertEquals(cut != completeBytes, it.truncated(), "cut at " + cut);
            assertEquals(cut != completeBytes, records.hasPartialTrailingBatch(), "cut at " + cut);
            assertEquals(completeBytes, records.sizeOfCompleteBatches(), "cut at " + cut);
        }
    }

    @Test
    void emptyRecords() {
        assertEquals(0, MemoryRecords.EMPTY.sizeInBytes());
        assertFalse(MemoryRecords.EMPTY.batches().iterator().hasNext());
        assertFalse(MemoryRecords.EMPTY.hasPartialTrailingBatch());
        assertEquals(-1, MemoryRecords.EMPTY.firstBatchSize());
        assertEquals(MemoryRecords.EMPTY, MemoryRecords.builder(CompressionType.GZIP, 0L).build());
    }

    @Test
    void garbageLengthsRaiseCorruptionNotIndexErrors() {
        ByteBuffer valid = TestData.buildWithSamsa(TestData.Spec.plain(CompressionType.NONE), TestData.varied(3, 4)).buffer();
        for (int length : new int[] {-1, Integer.MIN_VALUE, 0, 10, BatchLayout.HEADER_SIZE - BatchLayout.LOG_OVERHEAD - 1}) {
            ByteBuffer bytes = TestData.copy(valid);
            bytes.putInt(BatchLayout.LENGTH_OFFSET, length);
            MemoryRecords records = MemoryRecords.readableRecords(bytes);
            assertThrows(CorruptRecordException.class, () -> records.batches().iterator().hasNext(), "length " + length);
        }
        // A length running past the end looks like truncation, unless it exceeds the caller's maximum.
        ByteBuffer huge = TestData.copy(valid);
        huge.putInt(BatchLayout.LENGTH_OFFSET, Integer.MAX_VALUE);
        MemoryRecords records = MemoryRecords.readableRecords(huge);
        assertFalse(records.batches().iterator().hasNext());
        assertTrue(records.hasPartialTrailingBatch());
        assertEquals(Integer.MAX_VALUE, records.firstBatchSize());
        assertThrows(CorruptRecordException.class, () -> records.batchIterator(1 << 20).hasNext());
    }

    @Test
    void randomGarbageNeverEscapesAsAnotherException() {
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            if (garbage.length > BatchLayout.MAGIC_OFFSET && random.nextBoolean()) {
                garbage[BatchLayout.MAGIC_OFFSET] = BatchLayout.MAGIC_V2;
                if (random.nextBoolean()) {
                    ByteBuffer.wrap(garbage).putInt(BatchLayout.LENGTH_OFFSET,
                        garbage.length - BatchLayout.LOG_OVERHEAD - random.nextInt(3));
                }
            }
            try {
                for (Record r : MemoryRecords.readableRecords(ByteBuffer.wrap(garbage)).records()) {
                    r.sizeInBytes();
                }
            } catch (RecordFormatException expected) {
                // the only acceptable failure
            } catch (RuntimeException | Error e) {
                fail("round " + round + " escaped with " + e, e);
            }
        }
    }

    @Test
    void viewsDoNotMoveTheCallersBuffer() {
        ByteBuffer all = threeBatches();
        all.position(0);
        MemoryRecords records = MemoryRecords.readableRecords(all);
        for (Record r : records.records()) {
            if (r.valueSize() > 0) {
                r.value().get(); // consuming a returned view must not disturb the record
            }
        }
        assertEquals(0, all.position());
        assertEquals(threeBatches(), records.buffer());
    }

    @Test
    void directBuffersReadLikeHeapBuffers() {
        for (CompressionType type : CompressionType.values()) {
            ByteBuffer heap = TestData.buildWithSamsa(TestData.Spec.plain(type), TestData.varied(120, 8)).buffer();
            ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining()).put(heap.duplicate()).flip();
            assertEquals(BatchSnapshot.of(MemoryRecords.readableRecords(heap)),
                BatchSnapshot.of(MemoryRecords.readableRecords(direct)), type.name);
            RecordBatch batch = MemoryRecords.readableRecords(direct).batches().iterator().next();
            batch.setLogAppendTime(5L);
            assertTrue(KafkaOracle.kafkaSaysValid(direct), type.name);
        }
    }
}
