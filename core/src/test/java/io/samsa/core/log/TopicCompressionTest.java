package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.record.CompressionType;
import io.samsa.record.Header;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A topic's compression.type on the produce path: batches in another codec are stored re-encoded
 * in the topic's codec with every record and header field intact, batches already in it (and all
 * batches under "producer") are stored byte for byte as produced.
 */
class TopicCompressionTest {

    @TempDir
    Path tmp;

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final List<Log> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(Log::close);
    }

    private Log open(String compressionType) throws Exception {
        Log log = Log.open(new File(tmp.toFile(), "t-0"), LogConfig.of(Map.of(LogConfig.COMPRESSION_TYPE, compressionType)),
                time, scheduler);
        opened.add(log);
        return log;
    }

    /** An idempotent producer's batch of three keyed records with headers and distinct timestamps. */
    private ByteBuffer produced(CompressionType codec, int baseSequence) {
        MemoryRecordsBuilder b = new MemoryRecordsBuilder(codec, 0).producerState(4242L, (short) 3, baseSequence);
        long now = time.milliseconds();
        for (int i = 0; i < 3; i++) {
            b.append(now - 10 + i, bytes("k" + baseSequence + i), bytes("value-" + baseSequence + i),
                    new Header[]{new Header("h", ("hv" + i).getBytes(StandardCharsets.UTF_8))});
        }
        return b.build().buffer();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RecordBatch> stored(Log log) throws Exception {
        FetchDataInfo info = log.read(0, 1 << 20, FetchIsolation.LOG_END, true);
        assertEquals(Errors.NONE, info.error());
        List<RecordBatch> out = new ArrayList<>();
        MemoryRecords.readableRecords(info.slice().readFully()).batches().forEach(out::add);
        return out;
    }

    private static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b.duplicate()).toString();
    }

    @Test
    void batchesInAnotherCodecAreStoredInTheTopicsCodecWithEveryFieldKept() throws Exception {
        Log log = open("zstd");
        ByteBuffer lz4 = produced(CompressionType.LZ4, 0);
        ByteBuffer none = produced(CompressionType.NONE, 3);
        LogAppendInfo first = log.append(lz4.duplicate(), 5);
        assertTrue(first.succeeded(), first.toString());
        LogAppendInfo second = log.append(none.duplicate(), 5);
        assertTrue(second.succeeded(), second.toString());
        assertEquals(3, second.firstOffset());
        assertEquals(5, second.lastOffset());

        List<RecordBatch> batches = stored(log);
        assertEquals(2, batches.size());
        List<RecordBatch> originals = List.of(new RecordBatch(lz4), new RecordBatch(none));
        for (int b = 0; b < 2; b++) {
            RecordBatch got = batches.get(b);
            RecordBatch original = originals.get(b);
            assertEquals(CompressionType.ZSTD, got.compressionType());
            assertTrue(got.isValid(), "CRC of the re-encoded batch");
            assertEquals(b * 3L, got.baseOffset());
            assertEquals(5, got.partitionLeaderEpoch());
            assertEquals(4242L, got.producerId());
            assertEquals(3, got.producerEpoch());
            assertEquals(b * 3, got.baseSequence());
            assertEquals(original.maxTimestamp(), got.maxTimestamp());
            List<Record> want = original.records();
            List<Record> have = got.records();
            assertEquals(3, have.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(b * 3L + i, have.get(i).offset());
                assertEquals(want.get(i).timestamp(), have.get(i).timestamp());
                assertEquals(text(want.get(i).key()), text(have.get(i).key()));
                assertEquals(text(want.get(i).value()), text(have.get(i).value()));
                assertEquals("h", have.get(i).headers()[0].key());
                assertArrayEquals(want.get(i).headers()[0].value(), have.get(i).headers()[0].value());
            }
        }
    }

    @Test
    void uncompressedTopicsStoreDecompressedBatches() throws Exception {
        Log log = open("uncompressed");
        assertTrue(log.append(produced(CompressionType.GZIP, 0), 0).succeeded());
        RecordBatch got = stored(log).get(0);
        assertEquals(CompressionType.NONE, got.compressionType());
        assertEquals("value-02", text(got.records().get(2).value()));
    }

    @Test
    void batchesAlreadyInTheTopicsCodecAndProducerTopicsKeepTheProducedBytes() throws Exception {
        for (String type : List.of("snappy", "producer")) {
            ByteBuffer snappy = produced(CompressionType.SNAPPY, 0);
            assertSame(snappy, TopicCompression.apply(snappy, LogConfig.of(Map.of(LogConfig.COMPRESSION_TYPE, type))), type);
        }
        Log log = open("snappy");
        ByteBuffer snappy = produced(CompressionType.SNAPPY, 0);
        byte[] asProduced = new byte[snappy.remaining()];
        snappy.duplicate().get(asProduced);
        assertTrue(log.append(snappy, 0).succeeded());
        ByteBuffer back = stored(log).get(0).buffer();
        byte[] got = new byte[back.remaining()];
        back.duplicate().get(got);
        // The broker writes only the base offset (0 here) and the leader epoch (bytes 12-15), which the CRC does not cover.
        assertEquals(0, stored(log).get(0).partitionLeaderEpoch());
        assertArrayEquals(Arrays.copyOfRange(asProduced, 16, asProduced.length),
                Arrays.copyOfRange(got, 16, got.length));
        assertEquals(CompressionType.SNAPPY, stored(log).get(0).compressionType());
    }

    @Test
    void aRetriedBatchIsStillRecognisedAfterReEncoding() throws Exception {
        Log log = open("gzip");
        assertTrue(log.append(produced(CompressionType.LZ4, 0), 0).succeeded());
        LogAppendInfo retry = log.append(produced(CompressionType.LZ4, 0), 0);
        assertTrue(retry.succeeded(), retry.toString());
        assertEquals(0, retry.firstOffset(), "the retry answers the first write's offsets");
        assertEquals(3, log.logEndOffset(), "and writes nothing");
    }
}
