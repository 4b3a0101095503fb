package io.samsa.bench.jmh;

import io.samsa.common.Time;
import io.samsa.core.log.FetchDataInfo;
import io.samsa.core.log.FetchIsolation;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.ThreadPoolScheduler;
import io.samsa.record.CompressionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The fetch read path, {@link Log#read}: find the segment, look the offset up in its index, scan
 * batch headers to the batch that holds it, and return a file slice of up to 1 MiB (the
 * consumer's default max.partition.fetch.bytes), bounded by the high watermark. The log holds
 * 64 MiB in four segments of 16 KiB batches of 100-byte records. No bytes are copied: the slice
 * is what the network layer sends with sendfile.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogReadBench {

    private static final int LOG_BYTES = 64 << 20;
    private static final int FETCH_MAX_BYTES = 1 << 20;
    private static final int TARGETS = 1024;

    private Path root;
    private ThreadPoolScheduler scheduler;
    private Log log;
    private long[] randomOffsets;
    private long endOffset;
    private int next;

    @Setup
    public void setUp() throws IOException {
        root = Files.createTempDirectory("samsa-jmh-read-");
        scheduler = new ThreadPoolScheduler(1, "jmh-log-");
        LogConfig config = LogConfig.of(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(LOG_BYTES / 4)));
        log = Log.open(new File(root.toFile(), "bench-0"), config, Time.SYSTEM, scheduler);
        ByteBuffer batch = Batches.batch(CompressionType.NONE, 100, 16 * 1024, System.currentTimeMillis());
        int size = batch.remaining();
        while (log.size() < LOG_BYTES) {
            batch.limit(size).position(0);
            log.append(batch, 0);
        }
        endOffset = log.logEndOffset();
        log.updateHighWatermark(endOffset);
        Random random = new Random(7);
        randomOffsets = new long[TARGETS];
        for (int i = 0; i < TARGETS; i++) {
            randomOffsets[i] = (long) (random.nextDouble() * endOffset);
        }
    }

    /** A consumer reading back from anywhere in the log. */
    @Benchmark
    public int readRandomOffset() {
        FetchDataInfo d = log.read(randomOffsets[next++ & (TARGETS - 1)], FETCH_MAX_BYTES,
                FetchIsolation.HIGH_WATERMARK, true);
        return d.size();
    }

    /** A caught-up consumer polling at the high watermark: nothing to return. */
    @Benchmark
    public int readAtHighWatermark() {
        return log.read(endOffset, FETCH_MAX_BYTES, FetchIsolation.HIGH_WATERMARK, true).size();
    }

    @TearDown
    public void tearDown() throws Exception {
        log.close();
        scheduler.shutdown();
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
