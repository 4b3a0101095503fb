package io.samsa.bench.jmh;

import io.samsa.common.Time;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogAppendInfo;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.ThreadPoolScheduler;
import io.samsa.record.CompressionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
import java.util.concurrent.TimeUnit;

/**
 * {@link Log#append}: validation, offset assignment under the log's lock, the write to the active
 * segment (page cache, no fsync), index entries every index.interval.bytes, and segment rolls
 * every 64 MiB. So that a run does not write gigabytes, the log is emptied whenever it passes
 * 256 MiB; that happens once per ~16,000 appends of 16 KiB and is part of the measured cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogAppendBench {

    private static final long EMPTY_AT_BYTES = 256L << 20;

    @Param({"100", "1024"})
    int recordSize;

    private Path root;
    private ThreadPoolScheduler scheduler;
    private Log log;
    private ByteBuffer batch;
    private int batchSize;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory("samsa-jmh-append-");
        scheduler = new ThreadPoolScheduler(1, "jmh-log-");
        LogConfig config = LogConfig.of(Map.of(LogConfig.SEGMENT_BYTES, Integer.toString(64 << 20),
                LogConfig.FILE_DELETE_DELAY_MS, "0"));
        log = Log.open(new File(root.toFile(), "bench-0"), config, Time.SYSTEM, scheduler);
        batch = Batches.batch(CompressionType.NONE, recordSize, 16 * 1024, System.currentTimeMillis());
        batchSize = batch.remaining();
    }

    @Benchmark
    public long append() {
        batch.limit(batchSize).position(0);
        LogAppendInfo info = log.append(batch, 0);
        if (!info.succeeded()) {
            throw new IllegalStateException(info.errorMessage());
        }
        if (log.size() > EMPTY_AT_BYTES) {
            log.truncateFullyAndStartAt(log.logEndOffset());
        }
        return info.lastOffset();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        log.close();
        scheduler.shutdown();
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
