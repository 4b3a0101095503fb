package io.samsa.bench.jmh;

import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Record batches as producers send them, for the microbenchmarks: values of random upper-case
 * letters (what Kafka's ProducerPerformance sends), no keys, filled up to a batch size like the
 * producer's {@code batch.size}. Stateless.
 */
final class Batches {

    private Batches() {
    }

    /** Random upper-case letters, seeded so that every run sees the same bytes. */
    static byte[] payload(int size, long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) ('A' + random.nextInt(26));
        }
        return b;
    }

    /**
     * One batch at base offset 0 of {@code recordSize}-byte records, as many as fit in about
     * {@code batchBytes} of uncompressed records.
     */
    static ByteBuffer batch(CompressionType compression, int recordSize, int batchBytes, long timestamp) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(compression, 0L);
        int records = Math.max(1, batchBytes / (recordSize + 8));
        for (int i = 0; i < records; i++) {
            builder.append(timestamp, null, payload(recordSize, i));
        }
        ByteBuffer built = builder.build().buffer();
        ByteBuffer copy = ByteBuffer.allocate(built.remaining());
        copy.put(built.duplicate()).flip();
        return copy;
    }
}
