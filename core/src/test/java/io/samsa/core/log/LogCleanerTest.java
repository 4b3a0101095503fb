package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.record.BatchLayout;
import io.samsa.record.CompressionType;
import io.samsa.record.Header;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;
import io.samsa.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogCleanerTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final List<Log> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        for (Log l : opened) {
            try {
                l.close();
            } catch (RuntimeException ignored) {
                // A log abandoned by a simulated crash may already be unusable.
            }
        }
    }

    /** One record of a test batch: a null value is a tombstone. */
    record Kv(String key, String value) {
    }

    private static final Map<String, String> COMPACT = Map.of(
            LogConfig.CLEANUP_POLICY, "compact",
            LogConfig.SEGMENT_BYTES, "2048",
            LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.01",
            LogConfig.DELETE_RETENTION_MS, "60000");

    private File logDir() {
        return new File(tmp.toFile(), "compacted-0");
    }

    private Log open(Map<String, String> props) throws Exception {
        Log log = Log.open(logDir(), LogConfig.of(props), time, scheduler);
        opened.add(log);
        return log;
    }

    private Log reopenAfterCrash(Map<String, String> props) throws Exception {
        Log log = Log.open(logDir(), LogConfig.of(props), time, scheduler, false, 0L, 0L, 0L);
        opened.add(log);
        return log;
    }

    private static ByteBuffer batch(CompressionType codec, long producerId, int baseSequence, long timestamp, Kv... records) {
        MemoryRecordsBuilder b = MemoryRecords.builder(codec, 0L);
        if (producerId >= 0) {
            b.producerState(producerId, (short) 3, baseSequence);
        }
        for (Kv kv : records) {
            b.append(timestamp, kv.key() == null ? null : ByteBuffer.wrap(kv.key().getBytes(StandardCharsets.UTF_8)),
                    kv.value() == null ? null : ByteBuffer.wrap(kv.value().getBytes(StandardCharsets.UTF_8)),
                    new Header[]{new Header("h", kv.key() == null ? new byte[0] : kv.key().getBytes(StandardCharsets.UTF_8))});
        }
        return b.build().buffer();
    }

    private static ByteBuffer batch(Kv... records) {
        return batch(CompressionType.NONE, -1L, -1, 1_000L, records);
    }

    private void append(Log log, ByteBuffer batch) {
        LogAppendInfo info = log.append(batch, 0);
        assertTrue(info.succeeded(), info.toString());
        log.updateHighWatermark(log.logEndOffset());
    }

    /** Appends {@code updates} rounds of one record per key, each its own batch; returns the expected final map. */
    private Map<String, String> appendUpdates(Log log, int keys, int updates) {
        Map<String, String> latest = new LinkedHashMap<>();
        for (int u = 0; u < updates; u++) {
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                String value = "value-" + k + "-" + u;
                append(log, batch(new Kv(key, value)));
                latest.put(key, value);
            }
        }
        return latest;
    }

    /** Every batch of the log in offset order, read back through the read path. */
    private static List<RecordBatch> readBatches(Log log) throws Exception {
        List<RecordBatch> out = new ArrayList<>();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            FetchDataInfo info = log.read(offset, 1 << 20, FetchIsolation.LOG_END, true);
            assertEquals(Errors.NONE, info.error());
            if (info.slice().isEmpty()) {
                break;
            }
            ByteBuffer bytes = info.slice().readFully();
            for (RecordBatch b : MemoryRecords.readableRecords(bytes).batches()) {
                assertTrue(b.isValid(), "CRC of " + b);
                out.add(b);
                offset = b.lastOffset() + 1;
            }
        }
        return out;
    }

    /** (offset, key, value) of every record in the log, in order. */
    private static List<String[]> readRecords(Log log) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (RecordBatch b : readBatches(log)) {
            for (Record r : b) {
                out.add(new String[]{Long.toString(r.offset()), string(r.key()), string(r.value())});
            }
        }
        return out;
    }

    private static String string(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The last value of each key as a consumer reading the whole log sees it (tombstones remove keys). */
    private static Map<String, String> materialize(Log log) throws Exception {
        Map<String, String> view = new LinkedHashMap<>();
        long previous = -1;
        for (String[] r : readRecords(log)) {
            long offset = Long.parseLong(r[0]);
            assertTrue(offset > previous, "offsets must increase: " + offset + " after " + previous);
            previous = offset;
            if (r[2] == null) {
                view.remove(r[1]);
            } else {
                view.put(r[1], r[2]);
            }
        }
        return view;
    }

    private LogCleaner cleanerFor(Log log, SwapObserver observer) {
        CleanerConfig config = new CleanerConfig(true, 1, 4L * 1024 * 1024, 0.9, 4096, Double.MAX_VALUE, 100L);
        return new LogCleaner(config, List.of(tmp.toFile()), () -> List.of(log), time, observer);
    }

    private LogCleaner cleanerFor(Log log) {
        return cleanerFor(log, SwapObserver.NONE);
    }

    private static int count(File dir, String suffix) {
        File[] files = dir.listFiles((d, n) -> n.endsWith(suffix));
        return files == null ? 0 : files.length;
    }

    @Test
    void manyUpdatesPerKeyShrinkToTheLatestValueOfEachKey() throws Exception {
        Log log = open(COMPACT);
        Map<String, String> expected = appendUpdates(log, 10, 50);
        log.roll();
        long sizeBefore = log.size();
        int segmentsBefore = log.numberOfSegments();
        assertTrue(segmentsBefore > 5, "the test needs several segments, got " + segmentsBefore);
        Map<Long, String> offsetOfLatest = new HashMap<>();
        for (String[] r : readRecords(log)) {
            if (expected.get(r[1]).equals(r[2])) {
                offsetOfLatest.put(Long.parseLong(r[0]), r[2]);
            }
        }

        LogCleaner cleaner = cleanerFor(log);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));

        List<String[]> records = readRecords(log);
        assertEquals(10, records.size(), "one record per key must remain");
        for (String[] r : records) {
            assertEquals(expected.get(r[1]), r[2]);
            assertEquals(r[2], offsetOfLatest.get(Long.parseLong(r[0])), "the latest value keeps its offset");
        }
        assertEquals(expected, materialize(log));
        assertTrue(log.size() < sizeBefore / 10, "size " + log.size() + " was " + sizeBefore);
        assertEquals(500, log.logEndOffset());
        assertEquals(Long.valueOf(500), cleaner.cleanedUpTo(log));
        // Nothing is dirty any more.
        assertFalse(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        assertEquals(0, count(logDir(), LogFileNames.CLEANED_SUFFIX));
        assertEquals(0, count(logDir(), LogFileNames.SWAP_SUFFIX));
        // The checkpoint survives on disk.
        assertEquals(500L, new OffsetCheckpointFile(new File(tmp.toFile(), LogFileNames.CLEANER_OFFSET_CHECKPOINT))
                .read().get(log.topicPartition()));
    }

    @Test
    void laterCleaningsDeduplicateAgainstTheCleanPart() throws Exception {
        Log log = open(COMPACT);
        appendUpdates(log, 5, 20);
        log.roll();
        LogCleaner cleaner = cleanerFor(log);
        Cleaner c = cleaner.newCleaner();
        assertTrue(cleaner.cleanFilthiestLog(c));
        int segmentsAfterFirst = log.numberOfSegments();
        Map<String, String> expected = appendUpdates(log, 5, 20);
        log.roll();
        int segmentsBeforeSecond = log.numberOfSegments();
        assertTrue(cleaner.cleanFilthiestLog(c));
        assertEquals(5, readRecords(log).size());
        assertEquals(expected, materialize(log));
        // Groups are sized by their sources, as in Kafka: the small results of the first cleaning merge into one.
        assertEquals(segmentsBeforeSecond - segmentsAfterFirst + 2, log.numberOfSegments());
    }

    @Test
    void tombstonesOutliveDeleteRetentionThenDisappear() throws Exception {
        Log log = open(COMPACT);
        appendUpdates(log, 6, 5);
        append(log, batch(new Kv("key-1", null)));
        append(log, batch(new Kv("key-4", null)));
        log.roll();
        LogCleaner cleaner = cleanerFor(log);
        Cleaner c = cleaner.newCleaner();
        assertTrue(cleaner.cleanFilthiestLog(c));

        // The deleted keys' values are gone, their tombstones stay for delete.retention.ms.
        List<String[]> records = readRecords(log);
        assertEquals(6, records.size());
        long tombstones = records.stream().filter(r -> r[2] == null).count();
        assertEquals(2, tombstones);
        for (RecordBatch b : readBatches(log)) {
            boolean hasTombstone = false;
            for (Record r : b) {
                hasTombstone |= !r.hasValue();
            }
            if (hasTombstone) {
                assertTrue(b.hasDeleteHorizon());
                assertEquals(time.milliseconds() + 60_000L, b.deleteHorizonMs());
                for (Record r : b) {
                    assertEquals(1_000L, r.timestamp(), "record timestamps survive the delete horizon");
                }
            }
        }
        Map<String, String> view = materialize(log);
        assertEquals(4, view.size());
        assertFalse(view.containsKey("key-1"));

        // Before the horizon nothing is due; after it the tombstones go, though nothing new was written.
        time.advance(59_000L);
        assertFalse(cleaner.cleanFilthiestLog(c));
        time.advance(2_000L);
        assertTrue(cleaner.cleanFilthiestLog(c));
        records = readRecords(log);
        assertEquals(4, records.size());
        assertTrue(records.stream().allMatch(r -> r[2] != null));
        assertEquals(view, materialize(log));
        assertFalse(cleaner.cleanFilthiestLog(c), "no more work once the tombstones are gone");
    }

    @Test
    void batchesKeepOffsetsCodecTimestampsAndProducerFields() throws Exception {
        Log log = open(COMPACT);
        // Two producers' compressed batches: the first loses its older records to the second.
        append(log, batch(CompressionType.GZIP, 7L, 0, 5_000L,
                new Kv("a", "a1"), new Kv("b", "b1"), new Kv("c", "c1"), new Kv("d", "d1")));
        append(log, batch(CompressionType.LZ4, 9L, 0, 6_000L, new Kv("a", "a2"), new Kv("d", "d2")));
        append(log, batch(CompressionType.NONE, -1L, -1, 7_000L, new Kv("x", "x1")));
        log.roll();
        List<RecordBatch> before = readBatches(log);

        LogCleaner cleaner = cleanerFor(log);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        List<RecordBatch> after = readBatches(log);
        assertEquals(3, after.size());
        for (int i = 0; i < 3; i++) {
            RecordBatch o = before.get(i);
            RecordBatch n = after.get(i);
            assertEquals(o.baseOffset(), n.baseOffset());
            assertEquals(o.lastOffset(), n.lastOffset(), "the last offset (and so the last sequence) is kept");
            assertEquals(o.compressionType(), n.compressionType());
            assertEquals(o.producerId(), n.producerId());
            assertEquals(o.producerEpoch(), n.producerEpoch());
            assertEquals(o.baseSequence(), n.baseSequence());
            assertEquals(o.lastSequence(), n.lastSequence());
            assertEquals(o.partitionLeaderEpoch(), n.partitionLeaderEpoch());
            assertEquals(o.timestampType(), n.timestampType());
        }
        List<Record> first = after.get(0).records();
        assertEquals(List.of(1L, 2L), first.stream().map(Record::offset).toList());
        assertEquals("b1", string(first.get(0).value()));
        assertEquals(5_000L, first.get(0).timestamp());
        assertEquals(1, first.get(0).headers().length);
        assertEquals(5_000L, after.get(0).maxTimestamp());
        // The untouched batches are byte-for-byte the same.
        assertEquals(before.get(1).buffer(), after.get(1).buffer());
        assertEquals(before.get(2).buffer(), after.get(2).buffer());
    }

    @Test
    void aProducersLastBatchStaysAsAnEmptyBatch() throws Exception {
        Log log = open(COMPACT);
        append(log, batch(CompressionType.NONE, 5L, 0, 1_000L, new Kv("k", "v1")));
        append(log, batch(CompressionType.NONE, 6L, 0, 1_000L, new Kv("j", "w1")));
        append(log, batch(CompressionType.NONE, 5L, 1, 1_000L, new Kv("k", "v2")));
        append(log, batch(CompressionType.NONE, 7L, 0, 1_000L, new Kv("k", "v3"), new Kv("j", "w2")));
        log.roll();
        LogCleaner cleaner = cleanerFor(log);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        List<RecordBatch> after = readBatches(log);
        // Producer 5's first batch goes; its last batch (offset 2) stays with no records; so does 6's.
        assertEquals(List.of(1L, 2L, 3L), after.stream().map(RecordBatch::baseOffset).toList());
        assertEquals(0, after.get(0).recordCount());
        assertEquals(6L, after.get(0).producerId());
        assertEquals(0, after.get(1).recordCount());
        assertEquals(5L, after.get(1).producerId());
        assertEquals(1, after.get(1).baseSequence());
        assertEquals(2, after.get(2).recordCount());
    }

    @Test
    void compactAndDeleteBothApply() throws Exception {
        Map<String, String> props = new HashMap<>(COMPACT);
        props.put(LogConfig.CLEANUP_POLICY, "compact,delete");
        props.put(LogConfig.RETENTION_MS, "100000");
        Log log = open(props);
        appendUpdates(log, 4, 10);
        log.roll();
        time.advance(200_000L);
        Map<String, String> recent = appendUpdates(log, 4, 10);
        log.roll();
        // Old batches carry timestamp 1000, far older than retention.ms: the first segments go by retention.
        LogCleaner cleaner = cleanerFor(log);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        assertEquals(4, readRecords(log).size());
        assertEquals(recent, materialize(log));
        // Segments emptied by cleaning have no timestamp and age by mtime, which is wall-clock time.
        time.advance(20L * 365 * 24 * 3_600_000L);
        assertTrue(log.deleteOldSegments() > 0, "compact,delete logs are also subject to retention");
        assertEquals(log.logEndOffset(), log.logStartOffset());
    }

    @Test
    void activeSegmentAndRecentSegmentsAreLeftAlone() throws Exception {
        Map<String, String> props = new HashMap<>(COMPACT);
        props.put(LogConfig.MIN_COMPACTION_LAG_MS, "10000");
        Log log = open(props);
        // Timestamps are "now": within the lag.
        for (int i = 0; i < 30; i++) {
            append(log, batch(CompressionType.NONE, -1L, -1, time.milliseconds(), new Kv("k", "v" + i)));
        }
        log.roll();
        for (int i = 30; i < 40; i++) {
            append(log, batch(CompressionType.NONE, -1L, -1, time.milliseconds(), new Kv("k", "v" + i)));
        }
        LogCleaner cleaner = cleanerFor(log);
        assertFalse(cleaner.cleanFilthiestLog(cleaner.newCleaner()), "min.compaction.lag.ms holds the segments back");
        time.advance(20_000L);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        List<String[]> records = readRecords(log);
        // The closed segments keep only their latest record (v29); the active segment (v30..v39) is untouched.
        assertEquals(11, records.size());
        assertEquals("v29", records.get(0)[2]);
        assertEquals("v30", records.get(1)[2]);
    }

    @Test
    void nothingAboveTheHighWatermarkIsCleaned() throws Exception {
        Log log = open(COMPACT);
        appendUpdates(log, 3, 10);
        long hw = 12;
        log.roll();
        log.updateHighWatermark(hw);
        LogToClean ltc = cleanerFor(log).manager().measure(log, time.milliseconds());
        assertTrue(ltc.cleanableEnd() <= hw, "cleanable end " + ltc.cleanableEnd());
        assertEquals(0, ltc.cleanableBytes(), "the first segment reaches past the high watermark");
        log.updateHighWatermark(log.logEndOffset());
        assertTrue(cleanerFor(log).manager().measure(log, time.milliseconds()).cleanableBytes() > 0);
    }

    @Test
    void lowDirtyRatioWaits() throws Exception {
        Map<String, String> props = new HashMap<>(COMPACT);
        props.put(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0.9");
        Log log = open(props);
        appendUpdates(log, 3, 30);
        log.roll();
        LogCleaner cleaner = cleanerFor(log);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        appendUpdates(log, 3, 1);
        log.roll();
        assertFalse(cleaner.cleanFilthiestLog(cleaner.newCleaner()), "3 dirty records against a clean log is below 0.9");
    }

    @Test
    void aPausedLogIsNotCleaned() throws Exception {
        Log log = open(COMPACT);
        appendUpdates(log, 3, 30);
        log.roll();
        LogCleaner cleaner = cleanerFor(log);
        cleaner.abortAndPauseCleaning(log.topicPartition());
        assertFalse(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        cleaner.resumeCleaning(log.topicPartition());
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
    }

    @Test
    void aSmallKeyMapCleansInSeveralPasses() throws Exception {
        Map<String, String> props = new HashMap<>(COMPACT);
        props.put(LogConfig.MIN_CLEANABLE_DIRTY_RATIO, "0");
        props.put(LogConfig.SEGMENT_BYTES, "65536");
        Log log = open(props);
        Map<String, String> expected = new LinkedHashMap<>();
        // 40000 distinct keys cannot fit a 1 MiB map (about 39000 keys): two passes are needed.
        for (int i = 0; i < 400; i++) {
            Kv[] kvs = new Kv[100];
            for (int j = 0; j < 100; j++) {
                kvs[j] = new Kv("k" + (i * 100 + j), "v" + i);
                expected.put(kvs[j].key(), kvs[j].value());
            }
            append(log, batch(CompressionType.LZ4, -1L, -1, 1_000L, kvs));
        }
        for (int j = 0; j < 100; j++) {
            append(log, batch(new Kv("k" + j, "late")));
            expected.put("k" + j, "late");
        }
        log.roll();
        CleanerConfig config = new CleanerConfig(true, 1, 1024 * 1024, 0.9, 4096, Double.MAX_VALUE, 100L);
        LogCleaner cleaner = new LogCleaner(config, List.of(tmp.toFile()), () -> List.of(log), time, SwapObserver.NONE);
        Cleaner c = cleaner.newCleaner();
        assertTrue(cleaner.cleanFilthiestLog(c));
        Long firstPass = cleaner.cleanedUpTo(log);
        assertNotNull(firstPass);
        assertTrue(firstPass < log.logEndOffset(), "the first pass stops where the map filled: " + firstPass);
        while (cleaner.cleanFilthiestLog(c)) {
            // Each pass cleans further.
        }
        assertEquals(log.logEndOffset(), cleaner.cleanedUpTo(log));
        assertEquals(expected, materialize(log));
        assertEquals(40_000, readRecords(log).size());
    }

    @Test
    void abortingACleaningInProgressLeavesTheLogAsItWasAndPausesIt() throws Exception {
        Log log = open(COMPACT);
        Map<String, String> expected = appendUpdates(log, 5, 30);
        log.roll();
        List<String[]> before = readRecords(log);
        LogCleaner[] holder = new LogCleaner[1];
        Thread[] pauser = new Thread[1];
        holder[0] = cleanerFor(log, step -> {
            if (step != SwapObserver.Step.CLEANED_WRITTEN || pauser[0] != null) {
                return;
            }
            // Someone deletes the partition meanwhile: abortAndPauseCleaning blocks until this cleaning stops.
            pauser[0] = new Thread(() -> holder[0].abortAndPauseCleaning(log.topicPartition()));
            pauser[0].start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                holder[0].manager().checkCleaningAborted(log.topicPartition());
                Thread.onSpinWait();
            }
            throw new AssertionError("the abort never arrived");
        });
        LogCleaner cleaner = holder[0];
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        pauser[0].join(10_000);
        assertFalse(pauser[0].isAlive(), "abortAndPauseCleaning returned once the cleaning stopped");
        assertEquals(before.size(), readRecords(log).size());
        assertEquals(expected, materialize(log));
        assertEquals(0, count(logDir(), LogFileNames.CLEANED_SUFFIX));
        assertNull(cleaner.cleanedUpTo(log));
        assertFalse(cleaner.manager().isUncleanable(log.topicPartition()));
        assertFalse(cleaner.cleanFilthiestLog(cleaner.newCleaner()), "paused");
        cleaner.resumeCleaning(log.topicPartition());
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        assertEquals(5, readRecords(log).size());
    }

    @Test
    void shuttingTheCleanerDownAbortsCleanly() throws Exception {
        Log log = open(COMPACT);
        Map<String, String> expected = appendUpdates(log, 5, 30);
        log.roll();
        LogCleaner[] holder = new LogCleaner[1];
        holder[0] = cleanerFor(log, step -> {
            if (step == SwapObserver.Step.CLEANED_WRITTEN) {
                holder[0].manager().abortAll();
            }
        });
        assertTrue(holder[0].cleanFilthiestLog(holder[0].newCleaner()));
        assertEquals(150, readRecords(log).size());
        assertEquals(expected, materialize(log));
        assertEquals(0, count(logDir(), LogFileNames.CLEANED_SUFFIX));
        assertFalse(holder[0].manager().isUncleanable(log.topicPartition()));
    }

    @Test
    void keylessRecordsAreRefusedByCompactedTopicsOnly() throws Exception {
        Log log = open(COMPACT);
        LogAppendInfo plain = log.append(batch(new Kv(null, "v")), 0);
        assertEquals(Errors.INVALID_RECORD, plain.error());
        LogAppendInfo compressed = log.append(batch(CompressionType.SNAPPY, -1L, -1, 1_000L,
                new Kv("a", "v"), new Kv(null, "v")), 0);
        assertEquals(Errors.INVALID_RECORD, compressed.error());
        assertTrue(log.append(batch(CompressionType.ZSTD, -1L, -1, 1_000L, new Kv("a", "v"), new Kv("b", null)), 0)
                .succeeded());
        assertEquals(2, log.logEndOffset());

        Log other = Log.open(new File(tmp.toFile(), "plain-0"), LogConfig.of(Map.of()), time, scheduler);
        opened.add(other);
        assertTrue(other.append(batch(new Kv(null, "v")), 0).succeeded());
    }

    /** Thrown by the observer to stop a swap as a crash would: no cleanup code runs for an Error. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash(SwapObserver.Step step) {
            super("crash at " + step, null, false, false);
        }
    }

    @ParameterizedTest
    @EnumSource(SwapObserver.Step.class)
    void aCrashAtAnyStepOfTheSwapLosesNothing(SwapObserver.Step crashAt) throws Exception {
        Log log = open(COMPACT);
        Map<String, String> expected = appendUpdates(log, 8, 25);
        append(log, batch(new Kv("key-3", null)));
        expected.remove("key-3");
        log.roll();
        long end = log.logEndOffset();
        List<String[]> before = readRecords(log);

        LogCleaner cleaner = cleanerFor(log, step -> {
            if (step == crashAt) {
                throw new SimulatedCrash(step);
            }
        });
        assertThrows(SimulatedCrash.class, () -> cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        // The process "dies" here: the log object is abandoned and the directory loaded afresh.
        Log reloaded = reopenAfterCrash(COMPACT);
        assertEquals(0, count(logDir(), LogFileNames.CLEANED_SUFFIX));
        assertEquals(0, count(logDir(), LogFileNames.SWAP_SUFFIX));
        assertEquals(end, reloaded.logEndOffset());
        assertEquals(expected, materialize(reloaded));
        List<String[]> after = readRecords(reloaded);
        if (crashAt == SwapObserver.Step.CLEANED_WRITTEN) {
            assertEquals(before.size(), after.size(), "before the swap point the old segments stay");
        } else {
            assertTrue(after.size() < before.size(), "past the swap point the cleaned segment is in");
        }
        // Every surviving record is one of the originals, at its original offset.
        Map<String, String[]> original = new HashMap<>();
        for (String[] r : before) {
            original.put(r[0], r);
        }
        for (String[] r : after) {
            assertTrue(Arrays.equals(original.get(r[0]), r), "record at offset " + r[0]);
        }
        // And the reloaded log cleans normally.
        reloaded.updateHighWatermark(reloaded.logEndOffset());
        LogCleaner again = new LogCleaner(new CleanerConfig(true, 1, 4L * 1024 * 1024, 0.9, 4096, Double.MAX_VALUE, 100L),
                List.of(tmp.toFile()), () -> List.of(reloaded), time, SwapObserver.NONE);
        again.cleanFilthiestLog(again.newCleaner());
        assertEquals(expected, materialize(reloaded));
        assertEquals(8, readRecords(reloaded).size());
    }

    @Test
    void theCleanedLogSurvivesARestart() throws Exception {
        Log log = open(COMPACT);
        Map<String, String> expected = appendUpdates(log, 4, 30);
        log.roll();
        LogCleaner cleaner = cleanerFor(log);
        assertTrue(cleaner.cleanFilthiestLog(cleaner.newCleaner()));
        List<String[]> cleaned = readRecords(log);
        long end = log.logEndOffset();
        log.close();
        Log reopened = open(COMPACT);
        assertEquals(end, reopened.logEndOffset());
        assertEquals(cleaned.size(), readRecords(reopened).size());
        assertEquals(expected, materialize(reopened));
        // Indexes of the cleaned segments answer lookups.
        for (String[] r : cleaned) {
            FetchDataInfo info = reopened.read(Long.parseLong(r[0]), 100, FetchIsolation.LOG_END, true);
            RecordBatch b = MemoryRecords.readableRecords(info.slice().readFully()).batches().iterator().next();
            assertTrue(b.lastOffset() >= Long.parseLong(r[0]));
        }
    }

    @Test
    void emptyBatchIsAValidHeaderOnlyBatch() {
        ByteBuffer original = batch(CompressionType.GZIP, 11L, 40, 2_000L, new Kv("a", "1"), new Kv("b", "2"));
        RecordBatch source = new RecordBatch(original);
        source.setBaseOffset(100L);
        RecordBatch empty = new RecordBatch(Cleaner.emptyBatch(source));
        assertTrue(empty.isValid());
        assertEquals(BatchLayout.HEADER_SIZE, empty.sizeInBytes());
        assertEquals(100L, empty.baseOffset());
        assertEquals(101L, empty.lastOffset());
        assertEquals(11L, empty.producerId());
        assertEquals(41, empty.lastSequence());
        assertEquals(CompressionType.NONE, empty.compressionType());
        assertEquals(TimestampType.CREATE_TIME, empty.timestampType());
        assertEquals(0, empty.records().size());
    }

    @Test
    void skimpyOffsetMapKeepsTheLatestOffsetAndGrowsToItsBudget() {
        SkimpyOffsetMap map = new SkimpyOffsetMap(1024 * 1024, 0.75);
        for (int i = 0; i < 20_000; i++) {
            map.put(ByteBuffer.wrap(("k" + i).getBytes(StandardCharsets.UTF_8)), i);
        }
        for (int i = 0; i < 20_000; i++) {
            map.put(ByteBuffer.wrap(("k" + i).getBytes(StandardCharsets.UTF_8)), 100_000 + i);
        }
        assertEquals(20_000, map.size());
        assertEquals(100_123L, map.get(ByteBuffer.wrap("k123".getBytes(StandardCharsets.UTF_8))));
        assertEquals(-1L, map.get(ByteBuffer.wrap("absent".getBytes(StandardCharsets.UTF_8))));
        assertEquals(119_999L, map.latestOffset());
        int capacity = map.capacity();
        assertEquals((int) (1024 * 1024 / SkimpyOffsetMap.BYTES_PER_ENTRY * 0.75), capacity);
        for (int i = 20_000; i < capacity; i++) {
            map.put(ByteBuffer.wrap(("k" + i).getBytes(StandardCharsets.UTF_8)), i);
        }
        assertTrue(map.isFull());
        assertFalse(map.hasRoomFor(1));
        assertThrows(IllegalStateException.class, () -> map.put(ByteBuffer.wrap("more".getBytes(StandardCharsets.UTF_8)), 1));
        map.clear();
        assertEquals(0, map.size());
        assertEquals(-1L, map.get(ByteBuffer.wrap("k1".getBytes(StandardCharsets.UTF_8))));
    }
}
