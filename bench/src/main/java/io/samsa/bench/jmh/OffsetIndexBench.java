package io.samsa.bench.jmh;

import io.samsa.core.log.OffsetIndex;
import io.samsa.core.log.OffsetPosition;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@link OffsetIndex#lookup}: binary search of the memory-mapped index for random offsets and for
 * the newest ones (where caught-up consumers and followers read). 262,144 entries is a full 1 GiB
 * segment at the default index.interval.bytes of 4096.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OffsetIndexBench {

    private static final long BASE_OFFSET = 1_000_000L;
    private static final int OFFSETS_PER_ENTRY = 40;
    private static final int TARGETS = 1024;

    @Param({"4096", "262144"})
    int entries;

    private File file;
    private OffsetIndex index;
    private long[] randomTargets;
    private long[] recentTargets;
    private int next;

    @Setup
    public void setUp() throws IOException {
        file = Files.createTempFile("samsa-jmh-", ".index").toFile();
        file.delete();
        index = new OffsetIndex(file, BASE_OFFSET, entries * 8);
        for (int i = 0; i < entries; i++) {
            index.append(BASE_OFFSET + (long) i * OFFSETS_PER_ENTRY, i * 4096);
        }
        long span = (long) entries * OFFSETS_PER_ENTRY;
        Random random = new Random(42);
        randomTargets = new long[TARGETS];
        recentTargets = new long[TARGETS];
        for (int i = 0; i < TARGETS; i++) {
            randomTargets[i] = BASE_OFFSET + (long) (random.nextDouble() * span);
            recentTargets[i] = BASE_OFFSET + span - 1 - random.nextInt(OFFSETS_PER_ENTRY * 64);
        }
    }

    @Benchmark
    public OffsetPosition lookupRandom() {
        return index.lookup(randomTargets[next++ & (TARGETS - 1)]);
    }

    @Benchmark
    public OffsetPosition lookupRecent() {
        return index.lookup(recentTargets[next++ & (TARGETS - 1)]);
    }

    @TearDown
    public void tearDown() throws IOException {
        index.close();
        file.delete();
    }
}
