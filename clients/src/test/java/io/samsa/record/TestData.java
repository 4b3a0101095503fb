package io.samsa.record;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Records to write, and what a reader must then see. */
final class TestData {

    /** One record to append; arrays may be null. */
    record Input(long timestamp, byte[] key, byte[] value, Header[] headers) {
    }

    /** How a batch is to be built, in terms both builders understand. */
    record Spec(CompressionType compression, long baseOffset, TimestampType timestampType, long logAppendTime,
                long producerId, short producerEpoch, int baseSequence, boolean transactional,
                int partitionLeaderEpoch) {

        static Spec plain(CompressionType compression) {
            return new Spec(compression, 0L, TimestampType.CREATE_TIME, BatchLayout.NO_TIMESTAMP,
                BatchLayout.NO_PRODUCER_ID, BatchLayout.NO_PRODUCER_EPOCH, BatchLayout.NO_SEQUENCE, false,
                BatchLayout.NO_PARTITION_LEADER_EPOCH);
        }

        Spec withBaseOffset(long offset) {
            return new Spec(compression, offset, timestampType, logAppendTime, producerId, producerEpoch,
                baseSequence, transactional, partitionLeaderEpoch);
        }

        Spec withLogAppendTime(long time) {
            return new Spec(compression, baseOffset, TimestampType.LOG_APPEND_TIME, time, producerId, producerEpoch,
                baseSequence, transactional, partitionLeaderEpoch);
        }

        Spec withProducer(long id, short epoch, int sequence, boolean txn) {
            return new Spec(compression, baseOffset, timestampType, logAppendTime, id, epoch, sequence, txn,
                partitionLeaderEpoch);
        }

        Spec withLeaderEpoch(int epoch) {
            return new Spec(compression, baseOffset, timestampType, logAppendTime, producerId, producerEpoch,
                baseSequence, transactional, epoch);
        }
    }

    private TestData() {
    }

    /**
     * A varied set: keyed and unkeyed, tombstones, empty (not null) payloads, headers with null,
     * empty and non-ASCII parts, timestamps that go backwards, and a few values large enough to
     * span several LZ4 blocks, both compressible and not.
     */
    static List<Input> varied(int count, long seed) {
        Random random = new Random(seed);
        List<Input> list = new ArrayList<>();
        long t = 1_700_000_000_000L;
        for (int i = 0; i < count; i++) {
            t += random.nextInt(50) - 10;
            byte[] key = i % 7 == 3 ? null : ("key-" + i).getBytes(StandardCharsets.UTF_8);
            byte[] value;
            if (i % 11 == 5) {
                value = null;
            } else if (i % 97 == 40) {
                value = new byte[150_000];
                random.nextBytes(value);
            } else if (i % 97 == 60) {
                value = new byte[200_000];
                Arrays.fill(value, (byte) 'x');
            } else {
                value = ("value-" + i + "-" + "abc".repeat(random.nextInt(20))).getBytes(StandardCharsets.UTF_8);
            }
            if (i == 1) {
                key = new byte[0];
                value = new byte[0];
            }
            Header[] headers = i % 3 == 0 ? new Header[] {
                new Header("trace", ("t" + i).getBytes(StandardCharsets.UTF_8)),
                new Header("ключ-é", (byte[]) null),
                new Header("", new byte[0]),
            } : null;
            list.add(new Input(t, key, value, headers));
        }
        return list;
    }

    /** The records a reader must return for {@code inputs} written with {@code spec}. */
    static List<BatchSnapshot.Rec> expected(Spec spec, List<Input> inputs) {
        List<BatchSnapshot.Rec> list = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            long ts = spec.timestampType() == TimestampType.LOG_APPEND_TIME ? spec.logAppendTime() : in.timestamp();
            int seq = spec.baseSequence() < 0 ? -1 : spec.baseSequence() + i;
            List<BatchSnapshot.Hdr> headers = new ArrayList<>();
            if (in.headers() != null) {
                for (Header h : in.headers()) {
                    headers.add(new BatchSnapshot.Hdr(h.key(), h.valueBuffer()));
                }
            }
            list.add(new BatchSnapshot.Rec(spec.baseOffset() + i, ts, seq, ByteUtils.wrapNullable(in.key()),
                ByteUtils.wrapNullable(in.value()), headers));
        }
        return list;
    }

    static MemoryRecords buildWithSamsa(Spec spec, List<Input> inputs) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(spec.compression(), spec.baseOffset())
            .producerState(spec.producerId(), spec.producerEpoch(), spec.baseSequence())
            .transactional(spec.transactional())
            .partitionLeaderEpoch(spec.partitionLeaderEpoch());
        if (spec.timestampType() == TimestampType.LOG_APPEND_TIME) {
            builder.logAppendTime(spec.logAppendTime());
        }
        for (Input in : inputs) {
            builder.append(in.timestamp(), ByteUtils.wrapNullable(in.key()), ByteUtils.wrapNullable(in.value()),
                in.headers());
        }
        return builder.build();
    }

    static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b.duplicate()).flip();
        return c;
    }
}
