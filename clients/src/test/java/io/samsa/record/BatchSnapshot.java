package io.samsa.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Library-neutral picture of a batch as read by either Samsa or Kafka, so the two readers can be
 * compared with one assertEquals. ByteBuffer fields compare by content.
 */
record BatchSnapshot(long baseOffset, long lastOffset, int partitionLeaderEpoch, byte magic, long crc,
                     int compressionId, TimestampType timestampType, boolean transactional, boolean control,
                     long maxTimestamp, long producerId, short producerEpoch, int baseSequence, int lastSequence,
                     int recordCount, int sizeInBytes, List<Rec> records) {

    record Rec(long offset, long timestamp, int sequence, ByteBuffer key, ByteBuffer value, List<Hdr> headers) {
    }

    record Hdr(String key, ByteBuffer value) {
    }

    /** What Samsa's reader sees. */
    static BatchSnapshot of(RecordBatch batch) {
        List<Rec> records = new ArrayList<>();
        for (Record r : batch) {
            List<Hdr> headers = new ArrayList<>();
            for (Header h : r.headers()) {
                headers.add(new Hdr(h.key(), h.valueBuffer()));
            }
            records.add(new Rec(r.offset(), r.timestamp(), r.sequence(), r.key(), r.value(), headers));
        }
        return new BatchSnapshot(batch.baseOffset(), batch.lastOffset(), batch.partitionLeaderEpoch(), batch.magic(),
            batch.checksum(), batch.compressionType().id, batch.timestampType(), batch.isTransactional(),
            batch.isControlBatch(), batch.maxTimestamp(), batch.producerId(), batch.producerEpoch(),
            batch.baseSequence(), batch.lastSequence(), batch.recordCount(), batch.sizeInBytes(), records);
    }

    static List<BatchSnapshot> of(MemoryRecords records) {
        List<BatchSnapshot> list = new ArrayList<>();
        for (RecordBatch b : records.batches()) {
            b.ensureValid();
            list.add(of(b));
        }
        return list;
    }
}
