package io.samsa.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Kafka 3.9.1's own legacy (magic 0/1) writer, reader and down-converter, test scope only, behind
 * Samsa-neutral types, plus the record shape both sides are compared in. Kafka's classes share
 * names with Samsa's, so they are named in full.
 */
final class LegacyOracle {

    /** The codecs message formats v0 and v1 have. */
    static final CompressionType[] LEGACY_CODECS = {CompressionType.NONE, CompressionType.GZIP, CompressionType.SNAPPY,
        CompressionType.LZ4};

    /** Every (magic, codec) of the old formats, as JUnit arguments. */
    static Stream<Arguments> magicsAndCodecs() {
        List<Arguments> list = new ArrayList<>();
        for (byte magic = 0; magic <= 1; magic++) {
            for (CompressionType type : LEGACY_CODECS) {
                list.add(Arguments.of(magic, type));
            }
        }
        return list.stream();
    }

    /** One logical record as either reader sees it; buffers compare by content. */
    record Rec(long offset, long timestamp, ByteBuffer key, ByteBuffer value) {
    }

    /** One record to write; arrays may be null. */
    record In(long timestamp, byte[] key, byte[] value) {
    }

    /** For {@link #read}: batches of any magic. */
    static final int ANY_MAGIC = -1;

    private LegacyOracle() {
    }

    /**
     * Records that stress the format: null and empty keys and values, non-ASCII bytes, timestamps
     * that go backwards, one without a timestamp, and (when {@code large}) a value spanning several
     * LZ4 and snappy blocks, half compressible and half not.
     */
    static List<In> inputs(int count, long seed, boolean large) {
        Random random = new Random(seed);
        List<In> list = new ArrayList<>();
        long t = 1_600_000_000_000L + seed;
        for (int i = 0; i < count; i++) {
            t += random.nextInt(40) - 10;
            byte[] key = i % 5 == 2 ? null : ("ключ-é-" + i + "-\uD83D\uDE00").getBytes(StandardCharsets.UTF_8);
            byte[] value = i % 7 == 4 ? null
                : ("värde " + i + " " + "xyz".repeat(random.nextInt(15))).getBytes(StandardCharsets.UTF_8);
            if (i == 1) {
                key = new byte[0];
                value = new byte[0];
            }
            long timestamp = i == 3 ? BatchLayout.NO_TIMESTAMP : t;
            list.add(new In(timestamp, key, value));
        }
        if (large) {
            byte[] big = new byte[150_000];
            Arrays.fill(big, 0, 75_000, (byte) 'q');
            byte[] noise = new byte[75_000];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, big, 75_000, noise.length);
            list.add(count / 2, new In(t + 1, "big".getBytes(StandardCharsets.UTF_8), big));
        }
        return list;
    }

    static org.apache.kafka.common.compress.Compression compression(CompressionType type) {
        return KafkaOracle.compression(type);
    }

    /** A legacy set written by Kafka's MemoryRecordsBuilder: CreateTime, or LogAppendTime if {@code appendTime >= 0}. */
    static ByteBuffer build(byte magic, CompressionType type, long baseOffset, long appendTime, List<In> inputs) {
        org.apache.kafka.common.record.TimestampType tsType = magic == 0
            ? org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE
            : appendTime >= 0 ? org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME
            : org.apache.kafka.common.record.TimestampType.CREATE_TIME;
        org.apache.kafka.common.record.MemoryRecordsBuilder builder = org.apache.kafka.common.record.MemoryRecords.builder(
            ByteBuffer.allocate(1024), magic, compression(type), tsType, baseOffset, appendTime);
        for (In in : inputs) {
            builder.append(in.timestamp(), in.key(), in.value());
        }
        return builder.build().buffer();
    }

    /** What a reader must see in a set Kafka built from {@code inputs}. */
    static List<Rec> expected(byte magic, long baseOffset, long appendTime, List<In> inputs) {
        List<Rec> list = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            In in = inputs.get(i);
            long ts = magic == 0 ? BatchLayout.NO_TIMESTAMP : appendTime >= 0 ? appendTime : in.timestamp();
            list.add(new Rec(baseOffset + i, ts, ByteUtils.wrapNullable(in.key()), ByteUtils.wrapNullable(in.value())));
        }
        return list;
    }

    /**
     * Kafka's deep reading of any records (legacy or v2): every batch must pass ensureValid()
     * and have {@code magic} (unless {@link #ANY_MAGIC}); each record is copied out.
     */
    static List<Rec> read(ByteBuffer buffer, int magic) {
        List<Rec> list = new ArrayList<>();
        org.apache.kafka.common.record.MemoryRecords records =
            org.apache.kafka.common.record.MemoryRecords.readableRecords(buffer.duplicate());
        for (org.apache.kafka.common.record.RecordBatch batch : records.batches()) {
            batch.ensureValid();
            if (magic != ANY_MAGIC) {
                assertEquals(magic, batch.magic(), "magic of " + batch);
            }
            for (org.apache.kafka.common.record.Record r : batch) {
                r.ensureValid();
                list.add(new Rec(r.offset(), r.timestamp(), copy(r.key()), copy(r.value())));
            }
        }
        return list;
    }

    /** The shallow batches Kafka sees: {codec id, timestamp type id, last offset} each. */
    static List<long[]> shallow(ByteBuffer buffer) {
        List<long[]> list = new ArrayList<>();
        for (org.apache.kafka.common.record.RecordBatch batch
            : org.apache.kafka.common.record.MemoryRecords.readableRecords(buffer.duplicate()).batches()) {
            list.add(new long[] {batch.compressionType().id, batch.timestampType().id, batch.lastOffset()});
        }
        return list;
    }

    /** Kafka's own down-conversion of v2 batches (what a 3.9 broker sends an old consumer). */
    static ByteBuffer downConvert(ByteBuffer v2, byte toMagic, long firstOffset) {
        return org.apache.kafka.common.record.MemoryRecords.readableRecords(v2.duplicate())
            .downConvert(toMagic, firstOffset, Time.SYSTEM).records().buffer();
    }

    /** Samsa's deep reading of a legacy set. */
    static List<Rec> samsa(LegacyMessageSet set) {
        List<Rec> list = new ArrayList<>();
        for (LegacyRecord r : set.records()) {
            list.add(new Rec(r.offset(), r.timestamp(), r.key(), r.value()));
        }
        return list;
    }

    /** Samsa's deep reading of v2 batches, skipping control batches as down-conversion does. */
    static List<Rec> samsaV2(ByteBuffer v2, byte toMagic, boolean skipControl) {
        List<Rec> list = new ArrayList<>();
        for (RecordBatch batch : MemoryRecords.readableRecords(v2).batches()) {
            if (skipControl && batch.isControlBatch()) {
                continue;
            }
            for (Record r : batch) {
                long ts = toMagic == 0 ? BatchLayout.NO_TIMESTAMP : r.timestamp();
                list.add(new Rec(r.offset(), ts, r.key(), r.value()));
            }
        }
        return list;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        return b == null ? null : TestData.copy(b);
    }
}
