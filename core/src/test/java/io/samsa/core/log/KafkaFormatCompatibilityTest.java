package io.samsa.core.log;

import io.samsa.common.MockTime;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.FileLogInputStream;
import org.apache.kafka.common.record.FileRecords;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apache Kafka's record classes (test scope) as the oracle for what Samsa writes and reads on disk. */
class KafkaFormatCompatibilityTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);

    @Test
    void kafkaReadsSegmentsSamsaWrote() throws Exception {
        File dir = new File(tmp.toFile(), "t-0");
        Log log = Log.open(dir, LogConfig.of(Map.of(LogConfig.SEGMENT_BYTES, "500")), time, scheduler);
        try {
            for (int i = 0; i < 20; i++) {
                ByteBuffer kafkaBuilt = MemoryRecords.withRecords(Compression.NONE,
                        new SimpleRecord(time.milliseconds(), ("key" + i).getBytes(), ("value" + i).getBytes()),
                        new SimpleRecord(time.milliseconds(), null, ("more" + i).getBytes())).buffer();
                assertTrue(log.append(kafkaBuilt, 3).succeeded());
            }
            log.flush();
            long expected = 0;
            for (LogSegment segment : log.segments().all()) {
                try (FileRecords kafkaView = FileRecords.open(segment.log().file())) {
                    for (FileLogInputStream.FileChannelRecordBatch batch : kafkaView.batches()) {
                        batch.ensureValid();
                        assertEquals(expected, batch.baseOffset());
                        assertEquals(3, batch.partitionLeaderEpoch());
                        for (Record r : batch) {
                            assertEquals(expected, r.offset());
                            expected++;
                        }
                    }
                }
            }
            assertEquals(40, expected);
            assertTrue(log.numberOfSegments() > 1);
        } finally {
            log.close();
        }
    }

    @Test
    void samsaLoadsASegmentKafkaWrote() throws Exception {
        File dir = new File(tmp.toFile(), "t-0");
        Files.createDirectories(dir.toPath());
        long t0 = time.milliseconds();
        try (FileChannel ch = FileChannel.open(LogFileNames.logFile(dir, 0).toPath(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            long offset = 0;
            for (int i = 0; i < 50; i++) {
                Compression codec = i % 2 == 0 ? Compression.NONE : Compression.gzip().build();
                MemoryRecords batch = MemoryRecords.withRecords(offset, codec,
                        new SimpleRecord(t0 + i * 10L, ("k" + i).getBytes(), ("v" + i).getBytes()),
                        new SimpleRecord(t0 + i * 10L + 5, ("k" + i).getBytes(), ("w" + i).getBytes()));
                ByteBuffer buf = batch.buffer();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                offset += 2;
            }
        }
        Log log = Log.open(dir, LogConfig.of(Map.of(LogConfig.INDEX_INTERVAL_BYTES, "100")), time, scheduler);
        try {
            assertEquals(100, log.logEndOffset());
            assertTrue(log.segments().active().offsetIndex().entries() > 5, "index rebuilt from the log");
            FetchDataInfo fetched = log.read(57, 1 << 20, FetchIsolation.LOG_END, false);
            MemoryRecords back = MemoryRecords.readableRecords(fetched.slice().readFully());
            Record first = back.records().iterator().next();
            assertEquals(56, first.offset());
            assertEquals("v28", StandardCharsets.UTF_8.decode(first.value()).toString());
            // The exact record, in an uncompressed batch and inside a gzip batch alike.
            assertEquals(new TimestampAndOffset(t0 + 205, 41, -1), log.offsetForTimestamp(t0 + 201));
            assertEquals(new TimestampAndOffset(t0 + 215, 43, -1), log.offsetForTimestamp(t0 + 211));
            assertEquals(100, log.append(TestBatches.batch(1, 10, t0), 0).firstOffset());
        } finally {
            log.close();
        }
    }
}
