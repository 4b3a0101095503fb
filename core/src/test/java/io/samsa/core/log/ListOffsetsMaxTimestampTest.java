package io.samsa.core.log;

import io.samsa.common.MockTime;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ListOffsets with {@link ListOffsetsTimestamps#MAX_TIMESTAMP} (-3) answers as Kafka 3.9 does: the
 * first offset whose record carries the log's largest timestamp, even when that record sits inside
 * a batch (uncompressed or compressed) and even when later batches or segments tie it.
 */
class ListOffsetsMaxTimestampTest {

    /** Offsets 0-4 of one batch; Kafka answers offset 1, the first record at 300. */
    private static final long[] TIMESTAMPS = {100, 300, 300, 200, 250};

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final List<Log> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Log::close);
    }

    private Log open(Map<String, String> overrides) throws Exception {
        return open("t-0", overrides);
    }

    private Log open(String dir, Map<String, String> overrides) throws Exception {
        Log log = Log.open(new File(tmp.toFile(), dir), LogConfig.of(overrides), time, scheduler);
        opened.add(log);
        return log;
    }

    private static void append(Log log, ByteBuffer batch) {
        LogAppendInfo info = log.append(batch, 4);
        assertTrue(info.succeeded(), info.toString());
    }

    /** One batch built by Apache Kafka's own record classes, with one record per timestamp. */
    private static ByteBuffer kafkaBatch(Compression compression, long... timestamps) {
        SimpleRecord[] records = new SimpleRecord[timestamps.length];
        for (int i = 0; i < timestamps.length; i++) {
            records[i] = new SimpleRecord(timestamps[i], ("k" + i).getBytes(), ("value-" + i).getBytes());
        }
        return MemoryRecords.withRecords(compression, records).buffer();
    }

    private static TimestampAndOffset max(Log log) {
        return log.offsetForTimestamp(ListOffsetsTimestamps.MAX_TIMESTAMP);
    }

    @Test
    void uncompressedBatchAnswersTheFirstRecordWithTheLargestTimestamp() throws Exception {
        Log log = open(Map.of());
        append(log, TestBatches.batchWithTimestamps(10, TIMESTAMPS));
        assertEquals(new TimestampAndOffset(300, 1, 4), max(log));
    }

    @Test
    void compressedBatchesAnswerTheRecordInsideThem() throws Exception {
        for (Compression codec : List.of(Compression.lz4().build(), Compression.gzip().build(),
                Compression.zstd().build(), Compression.NONE)) {
            Log log = open(codec.type().name + "-0", Map.of());
            append(log, kafkaBatch(codec, TIMESTAMPS));
            assertEquals(new TimestampAndOffset(300, 1, 4), max(log), codec.toString());
        }
    }

    @Test
    void theFirstOccurrenceWinsOverLaterBatchesAndSegmentsThatTieIt() throws Exception {
        // Small segments: the ties land both beside the first occurrence and in later segments.
        Map<String, String> config = Map.of(LogConfig.SEGMENT_BYTES, "250");
        Log log = open(config);
        append(log, kafkaBatch(Compression.lz4().build(), TIMESTAMPS));           // offsets 0-4
        append(log, TestBatches.batchWithTimestamps(10, 300, 50));                // 5-6, ties 300
        append(log, TestBatches.batchWithTimestamps(60, 120, 300));               // 7-8, ties 300
        append(log, kafkaBatch(Compression.gzip().build(), 300, 300));            // 9-10, ties 300
        assertTrue(log.numberOfSegments() >= 3, log.numberOfSegments() + " segments");
        assertEquals(new TimestampAndOffset(300, 1, 4), max(log));

        // Reopened, the answer comes from the recovered time index and the records again.
        log.close();
        opened.clear();
        assertEquals(new TimestampAndOffset(300, 1, 4), max(open(config)));
    }

    @Test
    void aLaterLargerTimestampMovesTheAnswerIntoItsBatch() throws Exception {
        Log log = open(Map.of());
        append(log, TestBatches.batchWithTimestamps(10, TIMESTAMPS));                       // 0-4
        append(log, kafkaBatch(Compression.zstd().build(), 250, 290, 400, 100, 400));       // 5-9
        assertEquals(new TimestampAndOffset(400, 7, 4), max(log));
    }

    @Test
    void logAppendTimeBatchesAnswerTheFirstRecordOfTheFirstBatchAtTheLargestTime() throws Exception {
        Log log = open(Map.of(LogConfig.MESSAGE_TIMESTAMP_TYPE, "LogAppendTime"));
        append(log, kafkaBatch(Compression.lz4().build(), TIMESTAMPS));    // 0-4, all at the append time
        append(log, TestBatches.batchWithTimestamps(10, 1, 2));             // 5-6, same append time: a tie
        long appendTime = time.milliseconds();
        assertEquals(new TimestampAndOffset(appendTime, 0, 4), max(log));
        time.sleep(10);
        append(log, kafkaBatch(Compression.gzip().build(), 7, 8, 9));       // 7-9, later
        assertEquals(new TimestampAndOffset(appendTime + 10, 7, 4), max(log));
    }

    @Test
    void anEmptyLogHasNoMaxTimestamp() throws Exception {
        assertNull(max(open(Map.of())));
    }
}
