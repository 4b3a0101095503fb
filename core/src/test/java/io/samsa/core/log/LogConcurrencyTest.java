package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.record.BatchLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogConcurrencyTest {

    @TempDir
    Path tmp;

    @Test
    @Timeout(60)
    void concurrentAppendsGetDistinctContiguousOffsetsWhileReadersSeeOnlyWholeBatches() throws Exception {
        MockTime time = new MockTime();
        Log log = Log.open(new File(tmp.toFile(), "t-0"), LogConfig.of(Map.of(LogConfig.SEGMENT_BYTES, "20000",
                LogConfig.INDEX_INTERVAL_BYTES, "512")), time, new MockScheduler(time));
        int writers = 4;
        int appendsPerWriter = 300;
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> assigned = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong readerPasses = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int records = w + 1;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < appendsPerWriter; i++) {
                        LogAppendInfo info = log.append(TestBatches.batch(records, 40, time.milliseconds()), 0);
                        if (!info.succeeded() || info.lastOffset() - info.firstOffset() + 1 != records) {
                            throw new AssertionError("bad append " + info);
                        }
                        assigned.add(new long[]{info.firstOffset(), info.lastOffset()});
                        log.updateHighWatermark(log.logEndOffset());
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            FetchIsolation isolation = r == 0 ? FetchIsolation.LOG_END : FetchIsolation.HIGH_WATERMARK;
            readers.add(new Thread(() -> {
                try {
                    while (!done.get()) {
                        long offset = 0;
                        while (true) {
                            FetchDataInfo info = log.read(offset, 8192, isolation, true);
                            assertEquals(Errors.NONE, info.error());
                            if (info.isEmpty()) {
                                break;
                            }
                            ByteBuffer bytes = info.slice().readFully();
                            int at = 0;
                            long before = offset;
                            while (at + BatchLayout.LOG_OVERHEAD <= bytes.limit()) {
                                int size = BatchHeaders.sizeInBytes(bytes, at);
                                if (at + size > bytes.limit()) {
                                    break;
                                }
                                assertTrue(BatchHeaders.isCrcValid(bytes, at, size), "torn batch at offset " + offset);
                                long base = BatchHeaders.baseOffset(bytes, at);
                                if (base > offset) {
                                    throw new AssertionError("gap: expected " + offset + " got " + base);
                                }
                                offset = BatchHeaders.lastOffset(bytes, at) + 1;
                                at += size;
                            }
                            assertTrue(offset > before, "a read with minOneMessage returned no whole batch");
                        }
                        readerPasses.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        readers.forEach(Thread::start);
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.peek().toString());
        assertTrue(readerPasses.get() > 0);
        long total = (long) appendsPerWriter * (1 + 2 + 3 + 4);
        assertEquals(total, log.logEndOffset());
        List<long[]> ranges = new ArrayList<>(assigned);
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long next = 0;
        for (long[] range : ranges) {
            assertEquals(next, range[0]);
            next = range[1] + 1;
        }
        assertEquals(total, next);
        assertTrue(log.numberOfSegments() > 3);
        log.close();
    }
}
