package io.samsa.core.log;

import io.samsa.common.MockTime;
import io.samsa.record.BatchLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSegmentTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final LogConfig config = LogConfig.of(Map.of(LogConfig.INDEX_INTERVAL_BYTES, "1",
            LogConfig.SEGMENT_INDEX_BYTES, "4096"));
    private final List<ByteBuffer> appended = new ArrayList<>();
    private LogSegment segment;
    private long nextOffset;

    @BeforeEach
    void open() throws Exception {
        segment = LogSegment.open(tmp.toFile(), 50, config, time);
        nextOffset = 50;
    }

    @AfterEach
    void close() throws Exception {
        segment.close();
    }

    /** Appends one batch of {@code records} records at {@code timestamp}; returns its first offset. */
    private long append(int records, long timestamp) throws Exception {
        ByteBuffer batch = TestBatches.batch(records, 16, timestamp);
        long first = nextOffset;
        long last = LogValidator.assignOffsets(batch, first, 0);
        appended.add(batch.duplicate());
        segment.append(last, timestamp, last, batch);
        nextOffset = last + 1;
        return first;
    }

    @Test
    void readReturnsSliceFromBatchHoldingOffset() throws Exception {
        for (int i = 0; i < 10; i++) {
            append(3, 1000 + i);
        }
        int batchSize = appended.get(0).remaining();
        FetchDataInfo all = segment.read(50, 1 << 20, segment.size(), false);
        assertEquals(0, all.position());
        assertEquals(segment.size(), all.size());

        // Offset 57 sits in the third batch (56..58).
        FetchDataInfo mid = segment.read(57, 1 << 20, segment.size(), false);
        assertEquals(2L * batchSize, mid.position());
        assertEquals(57, mid.fetchOffset());
        assertEquals(appended.get(2), mid.slice().readFully().limit(batchSize));

        FetchDataInfo bounded = segment.read(50, 1 << 20, 3L * batchSize, false);
        assertEquals(3 * batchSize, bounded.size());

        FetchDataInfo small = segment.read(50, 10, segment.size(), false);
        assertEquals(10, small.size());
        assertTrue(small.firstEntryIncomplete());
        FetchDataInfo atLeastOne = segment.read(50, 10, segment.size(), true);
        assertEquals(batchSize, atLeastOne.size());
        assertFalse(atLeastOne.firstEntryIncomplete());

        assertNull(segment.read(80, 100, segment.size(), false));
        assertEquals(80, segment.readNextOffset());
    }

    @Test
    void recoverRebuildsIndexesAndTruncatesGarbage() throws Exception {
        for (int i = 0; i < 20; i++) {
            append(2, 1000 + i * 10);
        }
        int validSize = segment.size();
        int entries = segment.offsetIndex().entries();
        OffsetPosition probe = segment.offsetIndex().lookup(75);
        assertTrue(entries > 0);
        try (FileChannel ch = FileChannel.open(segment.log().file().toPath(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 90, 9, 9}), validSize);
        }
        segment.close();
        segment = LogSegment.open(tmp.toFile(), 50, config, time);
        assertEquals(validSize + 14, segment.size());

        assertEquals(14, segment.recover(null));
        assertEquals(validSize, segment.size());
        assertEquals(entries, segment.offsetIndex().entries());
        assertEquals(probe, segment.offsetIndex().lookup(75));
        assertEquals(1190, segment.maxTimestampSoFar());
        assertEquals(90, segment.readNextOffset());
    }

    @Test
    void recoverStopsAtBatchWithBadCrc() throws Exception {
        append(2, 1000);
        append(2, 1001);
        append(2, 1002);
        int firstTwo = appended.get(0).remaining() + appended.get(1).remaining();
        // Flip one byte of the third batch's records.
        try (FileChannel ch = FileChannel.open(segment.log().file().toPath(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{(byte) 0xEE}), firstTwo + BatchLayout.RECORDS_OFFSET + 3);
        }
        assertTrue(segment.recover(null) > 0);
        assertEquals(firstTwo, segment.size());
        assertEquals(54, segment.readNextOffset());
    }

    @Test
    void truncateToRemovesBatchHoldingOffsetAndLater() throws Exception {
        for (int i = 0; i < 5; i++) {
            append(4, 1000 + i);
        }
        int twoBatches = appended.get(0).remaining() * 2;
        // 59 is in the third batch (58..61): it and everything after go.
        int removed = segment.truncateTo(59);
        assertEquals(appended.get(0).remaining() * 3, removed);
        assertEquals(twoBatches, segment.size());
        assertEquals(58, segment.readNextOffset());
        assertEquals(1001, segment.maxTimestampSoFar());
        assertTrue(segment.offsetIndex().lastOffset() < 58);
    }

    @Test
    void findOffsetByTimestampLooksInsideUncompressedBatches() throws Exception {
        ByteBuffer batch = TestBatches.batchWithTimestamps(8, 100, 300, 200, 400);
        long last = LogValidator.assignOffsets(batch, 50, 0);
        segment.append(last, 400, last, batch);
        ByteBuffer batch2 = TestBatches.batchWithTimestamps(8, 500, 600);
        long last2 = LogValidator.assignOffsets(batch2, 54, 0);
        segment.append(last2, 600, last2, batch2);

        assertEquals(new TimestampOffset(100, 50), segment.findOffsetByTimestamp(50, 50));
        assertEquals(new TimestampOffset(300, 51), segment.findOffsetByTimestamp(250, 50));
        assertEquals(new TimestampOffset(300, 51), segment.findOffsetByTimestamp(300, 50));
        assertEquals(new TimestampOffset(400, 53), segment.findOffsetByTimestamp(350, 50));
        assertEquals(new TimestampOffset(400, 53), segment.findOffsetByTimestamp(250, 53));
        assertEquals(new TimestampOffset(600, 55), segment.findOffsetByTimestamp(550, 50));
        assertNull(segment.findOffsetByTimestamp(601, 50));
    }

    @Test
    void closeTrimsIndexesAndReopenRestoresMaxTimestamp() throws Exception {
        for (int i = 0; i < 5; i++) {
            append(1, 5000 + i);
        }
        segment.close();
        File dir = tmp.toFile();
        assertEquals(segment.offsetIndex().sizeInBytes(), 0); // closed
        assertTrue(Files.size(LogFileNames.offsetIndexFile(dir, 50).toPath()) < 4096);
        segment = LogSegment.open(dir, 50, config, time);
        segment.sanityCheck();
        assertEquals(5004, segment.maxTimestampSoFar());
        assertEquals(55, segment.readNextOffset());
        assertNotNull(segment.read(52, 1000, segment.size(), false));
    }
}
