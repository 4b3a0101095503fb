package io.samsa.bench.jmh;

import io.samsa.core.log.LogAppendInfo;
import io.samsa.core.log.LogConfig;
import io.samsa.core.log.LogValidator;
import io.samsa.record.CompressionType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The broker's per-produce work on one partition's data: {@link LogValidator#validateForLeader}
 * (framing, CRC-32C, header checks) and then {@link LogValidator#assignOffsets} in place, on a
 * 16 KiB batch (the producer's default batch.size) of 100-byte or 1 KiB records, uncompressed or
 * lz4. Validation never decompresses, so a compressed batch costs its compressed size.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LogValidatorBench {

    @Param({"100", "1024"})
    int recordSize;

    @Param({"none", "lz4"})
    String compression;

    private ByteBuffer batch;
    private LogConfig config;
    private long now;
    private long nextOffset;

    @Setup
    public void setUp() {
        now = System.currentTimeMillis();
        batch = Batches.batch(CompressionType.forName(compression), recordSize, 16 * 1024, now);
        config = LogConfig.defaults();
    }

    @Benchmark
    public long validateAndAssignOffsets() {
        LogAppendInfo info = LogValidator.validateForLeader(batch, config, now);
        if (!info.succeeded()) {
            throw new IllegalStateException(info.errorMessage());
        }
        long last = LogValidator.assignOffsets(batch, nextOffset, 7);
        nextOffset = last + 1;
        return last + info.validBytes();
    }
}
