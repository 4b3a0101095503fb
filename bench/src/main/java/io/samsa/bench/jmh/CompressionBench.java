package io.samsa.bench.jmh;

import io.samsa.record.BatchLayout;
import io.samsa.record.CompressionType;
import io.samsa.record.compress.ByteBufferOutputStream;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Each codec of {@link CompressionType} compressing and decompressing the records of a 16 KiB
 * batch (100-byte values of random letters, as ProducerPerformance sends), through the same
 * streams the producer and the broker use, in Kafka's framing. Reports microseconds per 16 KiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CompressionBench {

    @Param({"gzip", "snappy", "lz4", "zstd"})
    String codec;

    private CompressionType type;
    private byte[] records;
    private ByteBufferOutputStream out;
    private ByteBuffer compressed;
    private byte[] scratch;

    @Setup
    public void setUp() throws IOException {
        type = CompressionType.forName(codec);
        // The records section of an uncompressed batch: exactly what a compressed batch compresses.
        ByteBuffer batch = Batches.batch(CompressionType.NONE, 100, 16 * 1024, System.currentTimeMillis());
        records = new byte[batch.remaining() - BatchLayout.HEADER_SIZE];
        batch.position(BatchLayout.HEADER_SIZE);
        batch.get(records);
        out = new ByteBufferOutputStream(records.length * 2);
        int size = compress();
        ByteBuffer result = out.buffer().duplicate();
        result.flip();
        compressed = ByteBuffer.allocate(size);
        compressed.put(result).flip();
        scratch = new byte[8192];
        if (decompress() != records.length) {
            throw new IllegalStateException(codec + " round trip lost bytes");
        }
    }

    @Benchmark
    public int compress() throws IOException {
        out.position(0);
        try (OutputStream os = type.wrapForOutput(out)) {
            os.write(records);
        }
        return out.position();
    }

    @Benchmark
    public int decompress() throws IOException {
        int total = 0;
        try (InputStream in = type.wrapForInput(compressed.duplicate())) {
            for (int n; (n = in.read(scratch)) > 0; ) {
                total += n;
            }
        }
        return total;
    }
}
