package io.samsa.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.MutableRecordBatch;

/**
 * Apache Kafka 3.9.1's own record classes (test scope only), behind Samsa-neutral types: the
 * reference writer and reader that Samsa's must agree with. Kafka's classes share names with
 * Samsa's, so they are named in full here and nowhere else.
 */
final class KafkaOracle {

    private KafkaOracle() {
    }

    static Compression compression(CompressionType type) {
        return Compression.of(org.apache.kafka.common.record.CompressionType.forId(type.id)).build();
    }

    static org.apache.kafka.common.header.Header[] headers(Header[] headers) {
        if (headers == null) {
            return new org.apache.kafka.common.header.Header[0];
        }
        org.apache.kafka.common.header.Header[] out = new org.apache.kafka.common.header.Header[headers.length];
        for (int i = 0; i < headers.length; i++) {
            out[i] = new RecordHeader(headers[i].key(), headers[i].value());
        }
        return out;
    }

    /** One batch written by Kafka's MemoryRecordsBuilder. */
    static ByteBuffer build(TestData.Spec spec, List<TestData.Input> inputs) {
        org.apache.kafka.common.record.MemoryRecordsBuilder builder = org.apache.kafka.common.record.MemoryRecords.builder(
            ByteBuffer.allocate(1024), org.apache.kafka.common.record.RecordBatch.MAGIC_VALUE_V2,
            compression(spec.compression()),
            org.apache.kafka.common.record.TimestampType.forName(spec.timestampType().displayName),
            spec.baseOffset(), spec.logAppendTime(), spec.producerId(), spec.producerEpoch(), spec.baseSequence(),
            spec.transactional(), spec.partitionLeaderEpoch());
        for (TestData.Input in : inputs) {
            builder.append(in.timestamp(), in.key(), in.value(), headers(in.headers()));
        }
        return builder.build().buffer();
    }

    /** Kafka's reading of every batch: it must validate, and its fields and records are returned. */
    static List<BatchSnapshot> read(ByteBuffer buffer) {
        List<BatchSnapshot> list = new ArrayList<>();
        org.apache.kafka.common.record.MemoryRecords records =
            org.apache.kafka.common.record.MemoryRecords.readableRecords(buffer.duplicate());
        for (MutableRecordBatch batch : records.batches()) {
            batch.ensureValid();
            list.add(snapshot(batch));
        }
        return list;
    }

    static BatchSnapshot snapshot(org.apache.kafka.common.record.RecordBatch batch) {
        List<BatchSnapshot.Rec> recs = new ArrayList<>();
        try (org.apache.kafka.common.utils.CloseableIterator<org.apache.kafka.common.record.Record> it =
                 batch.streamingIterator(org.apache.kafka.common.utils.BufferSupplier.create())) {
            while (it.hasNext()) {
                org.apache.kafka.common.record.Record r = it.next();
                List<BatchSnapshot.Hdr> headers = new ArrayList<>();
                for (org.apache.kafka.common.header.Header h : r.headers()) {
                    headers.add(new BatchSnapshot.Hdr(h.key(), ByteUtils.wrapNullable(h.value())));
                }
                recs.add(new BatchSnapshot.Rec(r.offset(), r.timestamp(), r.sequence(), copy(r.key()),
                    copy(r.value()), headers));
            }
        }
        return new BatchSnapshot(batch.baseOffset(), batch.lastOffset(), batch.partitionLeaderEpoch(), batch.magic(),
            batch.checksum(), batch.compressionType().id,
            TimestampType.forId(batch.timestampType().id), batch.isTransactional(), batch.isControlBatch(),
            batch.maxTimestamp(), batch.producerId(), batch.producerEpoch(), batch.baseSequence(),
            batch.lastSequence(), batch.countOrNull(), batch.sizeInBytes(), recs);
    }

    /** Kafka's streaming iterator reuses buffers, so keep copies. */
    private static ByteBuffer copy(ByteBuffer b) {
        return b == null ? null : TestData.copy(b);
    }

    static boolean kafkaSaysValid(ByteBuffer batch) {
        return org.apache.kafka.common.record.MemoryRecords.readableRecords(batch.duplicate())
            .batches().iterator().next().isValid();
    }
}
