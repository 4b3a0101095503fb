package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final List<Log> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Log::close);
    }

    private File logDir() {
        return new File(tmp.toFile(), "topic-0");
    }

    private Log open(Map<String, String> overrides) throws Exception {
        Log log = Log.open(logDir(), LogConfig.of(overrides), time, scheduler);
        opened.add(log);
        return log;
    }

    private static LogAppendInfo appendOk(Log log, ByteBuffer batches, int epoch) {
        LogAppendInfo info = log.append(batches, epoch);
        assertTrue(info.succeeded(), info.toString());
        return info;
    }

    /** Every batch in the log, read back through read(), as (baseOffset, lastOffset) pairs. */
    private static List<long[]> readAllBatches(Log log) throws Exception {
        List<long[]> out = new ArrayList<>();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            FetchDataInfo info = log.read(offset, 1 << 20, FetchIsolation.LOG_END, true);
            assertEquals(Errors.NONE, info.error());
            ByteBuffer bytes = info.slice().readFully();
            for (int at = 0; at < bytes.limit(); at += BatchHeaders.sizeInBytes(bytes, at)) {
                assertTrue(BatchHeaders.isCrcValid(bytes, at, BatchHeaders.sizeInBytes(bytes, at)));
                out.add(new long[]{BatchHeaders.baseOffset(bytes, at), BatchHeaders.lastOffset(bytes, at)});
                offset = BatchHeaders.lastOffset(bytes, at) + 1;
            }
        }
        return out;
    }

    @Test
    void offsetsAreContiguousAcrossBatchesAppendsAndSegments() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "1024"));
        long expected = 0;
        for (int i = 0; i < 40; i++) {
            ByteBuffer batches = TestBatches.concat(TestBatches.batch(2, 30, time.milliseconds()),
                    TestBatches.batch(3, 30, time.milliseconds()));
            LogAppendInfo info = appendOk(log, batches, 0);
            assertEquals(expected, info.firstOffset());
            assertEquals(expected + 4, info.lastOffset());
            expected += 5;
        }
        assertEquals(200, log.logEndOffset());
        assertTrue(log.numberOfSegments() > 5, "rolled on size: " + log.numberOfSegments());
        for (LogSegment s : log.segments().all()) {
            assertTrue(s.size() <= 1024);
        }
        long next = 0;
        for (long[] batch : readAllBatches(log)) {
            assertEquals(next, batch[0]);
            next = batch[1] + 1;
        }
        assertEquals(200, next);
    }

    @Test
    void rollsOnSegmentMsByBatchTimestamps() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_MS, "60000"));
        appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0);
        time.advance(30_000);
        appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0);
        assertEquals(1, log.numberOfSegments());
        time.advance(31_000);
        LogAppendInfo info = appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0);
        assertEquals(2, log.numberOfSegments());
        assertEquals(info.firstOffset(), log.segments().active().baseOffset());
        // The finished segment's indexes were trimmed when it stopped being active.
        assertEquals(0, log.segments().first().offsetIndex().maxEntries() - log.segments().first().offsetIndex().entries());
    }

    @Test
    void rollsWhenTheIndexIsFull() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_INDEX_BYTES, "32", LogConfig.INDEX_INTERVAL_BYTES, "1"));
        for (int i = 0; i < 20; i++) {
            appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0);
        }
        assertTrue(log.numberOfSegments() > 2, "segments: " + log.numberOfSegments());
        assertEquals(20, readAllBatches(log).size());
    }

    @Test
    void readReturnsFileSlicesAndRangeErrors() throws Exception {
        Log log = open(Map.of());
        ByteBuffer first = TestBatches.batch(5, 20, time.milliseconds());
        ByteBuffer copyOfFirst = ByteBuffer.allocate(first.remaining()).put(first.duplicate()).flip();
        appendOk(log, first, 0);
        appendOk(log, TestBatches.batch(5, 20, time.milliseconds()), 0);

        FetchDataInfo fromStart = log.read(0, 1 << 20, FetchIsolation.LOG_END, false);
        assertEquals(0, fromStart.position());
        assertEquals(log.size(), fromStart.size());
        ByteBuffer read = fromStart.slice().readFully();
        read.limit(copyOfFirst.remaining());
        // The stored bytes are the request's bytes with offset and epoch assigned in place.
        copyOfFirst.putInt(12, 0);
        assertEquals(copyOfFirst, read);

        FetchDataInfo mid = log.read(7, 1 << 20, FetchIsolation.LOG_END, false);
        assertEquals(copyOfFirst.remaining(), mid.position());

        assertTrue(log.read(10, 100, FetchIsolation.LOG_END, false).isEmpty());
        assertEquals(Errors.NONE, log.read(10, 100, FetchIsolation.LOG_END, false).error());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, log.read(11, 100, FetchIsolation.LOG_END, false).error());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, log.read(-1, 100, FetchIsolation.LOG_END, false).error());
    }

    @Test
    void highWatermarkBoundsConsumerReads() throws Exception {
        Log log = open(Map.of());
        ByteBuffer first = TestBatches.batch(5, 20, time.milliseconds());
        int firstSize = first.remaining();
        appendOk(log, first, 0);
        appendOk(log, TestBatches.batch(5, 20, time.milliseconds()), 0);
        assertEquals(0, log.highWatermark());
        assertTrue(log.read(0, 1 << 20, FetchIsolation.HIGH_WATERMARK, false).isEmpty());

        assertEquals(5, log.updateHighWatermark(5));
        FetchDataInfo upToHw = log.read(0, 1 << 20, FetchIsolation.HIGH_WATERMARK, false);
        assertEquals(firstSize, upToHw.size());
        assertEquals(firstSize, log.read(0, 1 << 20, 5, false).size());
        assertTrue(log.read(5, 1 << 20, FetchIsolation.HIGH_WATERMARK, false).isEmpty());
        assertEquals(log.size(), log.read(5, 1 << 20, FetchIsolation.LOG_END, false).size() + firstSize);

        assertEquals(10, log.updateHighWatermark(99));
        assertEquals(log.size(), log.read(0, 1 << 20, FetchIsolation.HIGH_WATERMARK, false).size());
    }

    @Test
    void retentionByTimeDeletesOldSegmentsAndMovesLogStartOffset() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "500", LogConfig.RETENTION_MS, "3600000",
                LogConfig.FILE_DELETE_DELAY_MS, "1000"));
        for (int i = 0; i < 10; i++) {
            appendOk(log, TestBatches.batch(1, 200, time.milliseconds()), 0);
        }
        time.advance(2 * 3_600_000L);
        for (int i = 0; i < 4; i++) {
            appendOk(log, TestBatches.batch(1, 200, time.milliseconds()), 0);
        }
        log.updateHighWatermark(log.logEndOffset());
        int before = log.numberOfSegments();
        File oldest = log.segments().first().log().file();
        int deleted = log.deleteOldSegments();
        assertTrue(deleted > 0);
        assertEquals(before - deleted, log.numberOfSegments());
        assertEquals(10, log.logStartOffset());
        assertEquals(10, log.segments().first().baseOffset());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, log.read(3, 100, FetchIsolation.LOG_END, false).error());

        // Files are renamed now and removed after file.delete.delay.ms.
        assertFalse(oldest.exists());
        File renamed = new File(oldest.getPath() + LogFileNames.DELETED_SUFFIX);
        assertTrue(renamed.exists());
        time.advance(1000);
        scheduler.tick();
        assertFalse(renamed.exists());
        assertEquals(0, log.deleteOldSegments());
    }

    @Test
    void retentionNeverPassesTheHighWatermarkAndRollsAFullyExpiredLog() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "500", LogConfig.RETENTION_MS, "1000"));
        for (int i = 0; i < 5; i++) {
            appendOk(log, TestBatches.batch(1, 200, time.milliseconds()), 0);
        }
        time.advance(5000);
        assertEquals(0, log.deleteOldSegments(), "nothing is below the high watermark yet");
        log.updateHighWatermark(log.logEndOffset());
        int segmentsBefore = log.numberOfSegments();
        assertEquals(segmentsBefore, log.deleteOldSegments());
        assertEquals(1, log.numberOfSegments());
        assertEquals(5, log.logStartOffset());
        assertEquals(5, log.logEndOffset());
        assertEquals(0, log.segments().active().size());
        assertEquals(5, appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0).firstOffset());
    }

    @Test
    void retentionBySize() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "600", LogConfig.RETENTION_BYTES, "1500",
                LogConfig.RETENTION_MS, "-1"));
        for (int i = 0; i < 20; i++) {
            appendOk(log, TestBatches.batch(1, 200, time.milliseconds()), 0);
        }
        log.updateHighWatermark(log.logEndOffset());
        long sizeBefore = log.size();
        assertTrue(sizeBefore > 1500);
        assertTrue(log.deleteOldSegments() > 0);
        assertTrue(log.size() <= 1500 + 600, "size " + log.size());
        assertTrue(log.size() > 1500 - 600, "size " + log.size());
        assertEquals(log.segments().first().baseOffset(), log.logStartOffset());
        assertTrue(log.logStartOffset() > 0);
    }

    @Test
    void offsetForTimestamp() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "300"));
        long t0 = time.milliseconds();
        for (int i = 0; i < 10; i++) {
            // Each batch: two records at t0 + 100i and t0 + 100i + 50.
            appendOk(log, TestBatches.batchWithTimestamps(50, t0 + 100L * i, t0 + 100L * i + 50), i < 5 ? 1 : 2);
        }
        assertTrue(log.numberOfSegments() > 2);
        assertEquals(new TimestampAndOffset(t0, 0, 1), log.offsetForTimestamp(t0 - 10));
        assertEquals(new TimestampAndOffset(t0 + 350, 7, 1), log.offsetForTimestamp(t0 + 320));
        assertEquals(new TimestampAndOffset(t0 + 400, 8, 1), log.offsetForTimestamp(t0 + 351));
        assertEquals(new TimestampAndOffset(t0 + 900, 18, 2), log.offsetForTimestamp(t0 + 900));
        assertNull(log.offsetForTimestamp(t0 + 951));
        assertEquals(0, log.offsetForTimestamp(ListOffsetsTimestamps.EARLIEST).offset());
        assertEquals(20, log.offsetForTimestamp(ListOffsetsTimestamps.LATEST).offset());
        TimestampAndOffset max = log.offsetForTimestamp(ListOffsetsTimestamps.MAX_TIMESTAMP);
        assertEquals(t0 + 950, max.timestamp());
        assertEquals(19, max.offset());
    }

    @Test
    void leaderEpochCacheRecordsEpochChanges() throws Exception {
        Log log = open(Map.of());
        appendOk(log, TestBatches.batch(3, 10, time.milliseconds()), 0);
        appendOk(log, TestBatches.batch(3, 10, time.milliseconds()), 0);
        appendOk(log, TestBatches.batch(3, 10, time.milliseconds()), 2);
        appendOk(log, TestBatches.batch(3, 10, time.milliseconds()), 5);
        assertEquals(List.of(new EpochEntry(0, 0), new EpochEntry(2, 6), new EpochEntry(5, 9)),
                log.leaderEpochCache().entries());
        assertEquals(new EpochEntry(2, 9), log.leaderEpochCache().endOffsetFor(3, log.logEndOffset()));
        List<EpochEntry> onDisk = new LeaderEpochCheckpointFile(new File(logDir(), LogFileNames.LEADER_EPOCH_CHECKPOINT)).read();
        assertEquals(log.leaderEpochCache().entries(), onDisk);

        log.truncateTo(7);
        assertEquals(6, log.logEndOffset());
        assertEquals(List.of(new EpochEntry(0, 0)), log.leaderEpochCache().entries());
        assertEquals(6, appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 6).firstOffset());
        assertEquals(List.of(new EpochEntry(0, 0), new EpochEntry(6, 6)), log.leaderEpochCache().entries());
    }

    @Test
    void truncateAcrossSegmentsAndFully() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "400"));
        for (int i = 0; i < 12; i++) {
            appendOk(log, TestBatches.batch(2, 100, time.milliseconds()), 0);
        }
        log.updateHighWatermark(log.logEndOffset());
        assertTrue(log.numberOfSegments() > 3);
        assertTrue(log.truncateTo(9));
        assertEquals(8, log.logEndOffset());
        assertEquals(8, log.highWatermark());
        assertEquals(4, readAllBatches(log).size());
        assertEquals(8, appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0).firstOffset());
        assertFalse(log.truncateTo(100));

        log.truncateFullyAndStartAt(50);
        assertEquals(1, log.numberOfSegments());
        assertEquals(50, log.logStartOffset());
        assertEquals(50, log.logEndOffset());
        assertEquals(50, appendOk(log, TestBatches.batch(1, 10, time.milliseconds()), 0).firstOffset());
    }

    @Test
    void followerAppendKeepsOffsetsAndRejectsGoingBackwards() throws Exception {
        Log log = open(Map.of());
        ByteBuffer batch = TestBatches.batch(3, 10, time.milliseconds());
        LogValidator.assignOffsets(batch, 10, 4);
        log.truncateFullyAndStartAt(10);
        LogAppendInfo info = log.appendAsFollower(batch);
        assertTrue(info.succeeded(), info.toString());
        assertEquals(10, info.firstOffset());
        assertEquals(13, log.logEndOffset());
        assertEquals(List.of(new EpochEntry(4, 10)), log.leaderEpochCache().entries());

        ByteBuffer stale = TestBatches.batch(1, 10, time.milliseconds());
        LogValidator.assignOffsets(stale, 12, 4);
        assertEquals(Errors.CORRUPT_MESSAGE, log.appendAsFollower(stale).error());
        assertEquals(13, log.logEndOffset());
    }

    @Test
    void rejectedAppendsLeaveTheLogUntouched() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "1000"));
        ByteBuffer corrupt = TestBatches.batch(2, 10, time.milliseconds());
        corrupt.put(70, (byte) 0x7f);
        assertEquals(Errors.CORRUPT_MESSAGE, log.append(corrupt, 0).error());
        LogAppendInfo tooBig = log.append(TestBatches.batches(6, 200, time.milliseconds()), 0);
        assertEquals(Errors.RECORD_LIST_TOO_LARGE, tooBig.error());
        assertEquals(0, log.logEndOffset());
        assertEquals(0, log.size());
        LogAppendInfo empty = log.append(ByteBuffer.allocate(0), 0);
        assertTrue(empty.succeeded());
        assertEquals(-1, empty.firstOffset());
    }

    @Test
    void flushMessagesForcesFlushAndAdvancesRecoveryPoint() throws Exception {
        Log log = open(Map.of(LogConfig.FLUSH_MESSAGES, "5"));
        appendOk(log, TestBatches.batch(3, 10, time.milliseconds()), 0);
        assertEquals(0, log.recoveryPoint());
        appendOk(log, TestBatches.batch(3, 10, time.milliseconds()), 0);
        assertEquals(6, log.recoveryPoint());
    }

    @Test
    void rollSchedulesFlushOfFinishedSegments() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "300"));
        for (int i = 0; i < 5; i++) {
            appendOk(log, TestBatches.batch(1, 150, time.milliseconds()), 0);
        }
        assertEquals(0, log.recoveryPoint());
        scheduler.tick();
        assertEquals(log.segments().active().baseOffset(), log.recoveryPoint());
    }

    @Test
    void reopenAfterCleanCloseKeepsEverything() throws Exception {
        Log log = open(Map.of(LogConfig.SEGMENT_BYTES, "500"));
        for (int i = 0; i < 10; i++) {
            appendOk(log, TestBatches.batch(2, 100, time.milliseconds() + i), 0);
        }
        long size = log.size();
        int segments = log.numberOfSegments();
        log.flush();
        log.close();
        Log reopened = open(Map.of(LogConfig.SEGMENT_BYTES, "500"));
        assertEquals(20, reopened.logEndOffset());
        assertEquals(size, reopened.size());
        assertEquals(segments, reopened.numberOfSegments());
        assertEquals(20, appendOk(reopened, TestBatches.batch(1, 10, time.milliseconds()), 0).firstOffset());
        assertEquals(11, readAllBatches(reopened).size());
    }

    @Test
    void uncleanReopenTruncatesGarbageAtTheTail() throws Exception {
        Map<String, String> cfg = Map.of(LogConfig.SEGMENT_BYTES, "500", LogConfig.INDEX_INTERVAL_BYTES, "1");
        Log log = open(cfg);
        for (int i = 0; i < 10; i++) {
            appendOk(log, TestBatches.batch(2, 100, time.milliseconds()), 0);
        }
        long size = log.size();
        File active = log.segments().active().log().file();
        log.flush();
        log.close();
        // A torn write: half a batch after the last whole one.
        ByteBuffer torn = TestBatches.batch(3, 100, time.milliseconds());
        LogValidator.assignOffsets(torn, 20, 0);
        byte[] half = new byte[torn.remaining() / 2];
        torn.get(half);
        Files.write(active.toPath(), half, java.nio.file.StandardOpenOption.APPEND);

        Log recovered = Log.open(logDir(), LogConfig.of(cfg), time, scheduler, false, 0, 0, 0);
        opened.add(recovered);
        assertEquals(20, recovered.logEndOffset());
        assertEquals(size, recovered.size());
        assertEquals(20, appendOk(recovered, TestBatches.batch(1, 10, time.milliseconds()), 0).firstOffset());
        assertEquals(11, readAllBatches(recovered).size());
    }

    @Test
    void missingOrCorruptIndexIsRebuilt() throws Exception {
        Map<String, String> cfg = Map.of(LogConfig.SEGMENT_BYTES, "700", LogConfig.INDEX_INTERVAL_BYTES, "1");
        Log log = open(cfg);
        for (int i = 0; i < 12; i++) {
            appendOk(log, TestBatches.batch(1, 100, time.milliseconds()), 0);
        }
        Map<Long, Integer> entriesBefore = new HashMap<>();
        for (LogSegment s : log.segments().all()) {
            entriesBefore.put(s.baseOffset(), s.offsetIndex().entries());
        }
        LogSegment first = log.segments().first();
        File firstIndex = first.offsetIndex().file();
        File secondTimeIndex = log.segments().higher(first.baseOffset()).timeIndex().file();
        log.close();
        Files.delete(firstIndex.toPath());
        Files.write(secondTimeIndex.toPath(), new byte[]{1, 2, 3, 4, 5});

        Log reopened = Log.open(logDir(), LogConfig.of(cfg), time, scheduler, true, 0, 12, 0);
        opened.add(reopened);
        assertTrue(firstIndex.exists());
        for (LogSegment s : reopened.segments().all()) {
            s.sanityCheck();
            if (s != reopened.segments().active()) {
                assertEquals(entriesBefore.get(s.baseOffset()), s.offsetIndex().entries(), "segment " + s.baseOffset());
            }
        }
        assertEquals(12, readAllBatches(reopened).size());
        assertEquals(new TimestampAndOffset(time.milliseconds(), 0, 0), reopened.offsetForTimestamp(0));
    }
}
