package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotent producer state: sequences, epochs, duplicates, snapshots and recovery. */
class ProducerStateTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final List<Log> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Log::close);
    }

    private File dir() {
        return new File(tmp.toFile(), "topic-0");
    }

    private Log open(boolean cleanShutdown, Map<String, String> overrides) throws Exception {
        Log log = Log.open(dir(), LogConfig.of(overrides), time, scheduler, cleanShutdown, 0L, 0L, 0L);
        opened.add(log);
        return log;
    }

    /** A batch of {@code records} records from producer {@code pid} at {@code epoch} starting at {@code seq}. */
    private ByteBuffer batch(long pid, short epoch, int seq, int records) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L).producerState(pid, epoch, seq);
        for (int i = 0; i < records; i++) {
            b.append(time.milliseconds(), ByteBuffer.wrap(("k" + i).getBytes()), ByteBuffer.wrap(("v" + seq + "-" + i).getBytes()), null);
        }
        return b.build().buffer();
    }

    private static LogAppendInfo append(Log log, ByteBuffer batch) {
        return log.append(batch, 0);
    }

    @Test
    void sequencesInOrderAreAppended() throws Exception {
        Log log = open(true, Map.of());
        assertEquals(0, append(log, batch(7, (short) 0, 0, 3)).firstOffset());
        assertEquals(3, append(log, batch(7, (short) 0, 3, 2)).firstOffset());
        assertEquals(5, log.logEndOffset());
        assertEquals(1, log.activeProducerCount());
    }

    @Test
    void retryOfAnyOfTheLastFiveBatchesGetsItsOriginalOffsetsAndIsNotWritten() throws Exception {
        Log log = open(true, Map.of());
        for (int i = 0; i < 6; i++) {
            append(log, batch(7, (short) 0, i * 2, 2));
        }
        long end = log.logEndOffset();
        for (int i = 1; i < 6; i++) {
            LogAppendInfo retry = append(log, batch(7, (short) 0, i * 2, 2));
            assertEquals(Errors.NONE, retry.error());
            assertTrue(retry.isDuplicate());
            assertEquals(i * 2L, retry.firstOffset());
            assertEquals(i * 2L + 1, retry.lastOffset());
        }
        assertEquals(end, log.logEndOffset(), "no duplicate was written");
        // The first batch fell out of the five-batch window: its retry is out of order.
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(log, batch(7, (short) 0, 0, 2)).error());
    }

    @Test
    void aGapIsOutOfOrder() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 0, 0, 2));
        LogAppendInfo gap = append(log, batch(7, (short) 0, 5, 1));
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, gap.error());
        assertEquals(2, log.logEndOffset());
    }

    @Test
    void anOlderEpochIsFencedAndANewEpochMustStartAtZero() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 3, 0, 1));
        assertEquals(Errors.INVALID_PRODUCER_EPOCH, append(log, batch(7, (short) 2, 1, 1)).error());
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(log, batch(7, (short) 4, 1, 1)).error());
        assertEquals(Errors.NONE, append(log, batch(7, (short) 4, 0, 1)).error());
        assertEquals(2, log.logEndOffset());
    }

    @Test
    void onALogNeverWrittenAProducersFirstBatchMustStartAtZero() throws Exception {
        Log log = open(true, Map.of());
        // Its batch at sequence 0 was refused (the partition was not known yet) and is being retried.
        LogAppendInfo early = append(log, batch(7, (short) 0, 8, 2));
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, early.error());
        assertEquals(0, log.logEndOffset());
        assertEquals(Errors.NONE, append(log, batch(7, (short) 0, 0, 8)).error());
        assertEquals(Errors.NONE, append(log, batch(7, (short) 0, 8, 2)).error());
        assertEquals(10, log.logEndOffset());
    }

    @Test
    void onALogWrittenBeforeAnUnknownProducerStartsAtAnySequence() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(8, (short) 0, 0, 1));
        // Producer 7's state expired (or left with old segments): it carries on where it was.
        assertEquals(Errors.NONE, append(log, batch(7, (short) 0, 42, 1)).error());
    }

    @Test
    void producersAreIndependent() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 0, 0, 1));
        append(log, batch(8, (short) 0, 0, 1));
        assertTrue(append(log, batch(7, (short) 0, 0, 1)).isDuplicate());
        assertEquals(Errors.NONE, append(log, batch(8, (short) 0, 1, 1)).error());
        assertEquals(2, log.activeProducerCount());
    }

    @Test
    void sequenceWrapsAroundFromIntMaxToZero() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(8, (short) 0, 0, 1));
        append(log, batch(7, (short) 0, Integer.MAX_VALUE - 1, 2));
        assertEquals(Errors.NONE, append(log, batch(7, (short) 0, 0, 1)).error());
    }

    @Test
    void stateSurvivesACleanRestartThroughTheSnapshot() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 0, 0, 2));
        append(log, batch(7, (short) 0, 2, 2));
        log.close();
        File snapshot = new File(dir(), LogFileNames.filenamePrefixFromOffset(4) + LogFileNames.SNAPSHOT_SUFFIX);
        assertTrue(snapshot.exists(), "clean shutdown writes a snapshot at the log end offset");
        Log reopened = open(true, Map.of());
        LogAppendInfo retry = append(reopened, batch(7, (short) 0, 2, 2));
        assertTrue(retry.isDuplicate(), "the last batch is still recognised after restart");
        assertEquals(2, retry.firstOffset());
        assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(reopened, batch(7, (short) 0, 9, 1)).error());
        assertEquals(Errors.NONE, append(reopened, batch(7, (short) 0, 4, 1)).error());
    }

    @Test
    void stateIsRebuiltFromTheLogAfterACrashWithoutASnapshot() throws Exception {
        Log log = open(true, Map.of(LogConfig.SEGMENT_BYTES, "200"));
        for (int i = 0; i < 10; i++) {
            append(log, batch(7, (short) 1, i, 1));
        }
        assertTrue(log.numberOfSegments() > 2, "rolled several segments, each writing a snapshot");
        // A crash: no close, no final snapshot. Reopen as after kill -9 (no clean-shutdown marker).
        opened.remove(log);
        Log recovered = open(false, Map.of(LogConfig.SEGMENT_BYTES, "200"));
        assertEquals(10, recovered.logEndOffset());
        LogAppendInfo retry = append(recovered, batch(7, (short) 1, 9, 1));
        assertTrue(retry.isDuplicate());
        assertEquals(9, retry.firstOffset());
        assertEquals(Errors.NONE, append(recovered, batch(7, (short) 1, 10, 1)).error());
    }

    @Test
    void aCorruptSnapshotIsIgnoredAndTheLogReplayed() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 0, 0, 3));
        log.close();
        File snapshot = new File(dir(), LogFileNames.filenamePrefixFromOffset(3) + LogFileNames.SNAPSHOT_SUFFIX);
        try (RandomAccessFile raf = new RandomAccessFile(snapshot, "rw")) {
            raf.seek(raf.length() - 1);
            raf.write(0x7f);
        }
        Log reopened = open(true, Map.of());
        assertTrue(append(reopened, batch(7, (short) 0, 0, 3)).isDuplicate());
        assertFalse(snapshot.exists(), "the unreadable snapshot was removed");
    }

    @Test
    void truncationRewindsTheProducerState() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 0, 0, 2));
        append(log, batch(7, (short) 0, 2, 2));
        log.truncateTo(2);
        assertEquals(Errors.NONE, append(log, batch(7, (short) 0, 2, 2)).error(), "seq 2 is new again after truncation");
        assertEquals(4, log.logEndOffset());
    }

    @Test
    void silentProducersExpire() throws Exception {
        Log log = open(true, Map.of());
        append(log, batch(7, (short) 0, 0, 1));
        time.advance(1000);
        append(log, batch(8, (short) 0, 0, 1));
        assertEquals(1, log.removeExpiredProducers(1000));
        assertEquals(1, log.activeProducerCount());
        // An expired producer is unknown again: any sequence is accepted.
        assertEquals(Errors.NONE, append(log, batch(7, (short) 0, 42, 1)).error());
    }

    @Test
    void anIdempotentRequestMustCarryOneBatch() throws Exception {
        Log log = open(true, Map.of());
        ByteBuffer a = batch(7, (short) 0, 0, 1);
        ByteBuffer b = batch(7, (short) 0, 1, 1);
        ByteBuffer both = ByteBuffer.allocate(a.remaining() + b.remaining()).put(a).put(b).flip();
        assertEquals(Errors.INVALID_RECORD, append(log, both).error());
    }
}
