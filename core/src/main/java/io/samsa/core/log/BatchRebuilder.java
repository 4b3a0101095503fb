package io.samsa.core.log;

import io.samsa.record.BatchLayout;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;
import io.samsa.record.TimestampType;

import java.nio.ByteBuffer;

/**
 * Writes a RecordBatch v2 anew from some of its records, keeping its offset range and every header
 * field (leader epoch, producer id, epoch and sequence, transactional flag, LogAppendTime): the
 * cleaner drops superseded records, and a topic whose {@code compression.type} names a codec
 * re-encodes producers' batches in it. Stateless; thread-safe.
 */
final class BatchRebuilder {

    private BatchRebuilder() {
    }

    /**
     * The batch holding {@code records} (of {@code batch}, in order) compressed with {@code codec}
     * at {@code level}, with {@code deleteHorizon} stamped unless it is {@link BatchLayout#NO_TIMESTAMP}.
     */
    static ByteBuffer rebuild(RecordBatch batch, Iterable<Record> records, CompressionType codec, int level,
                              long deleteHorizon) {
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(codec, batch.baseOffset())
                .compressionLevel(level)
                .partitionLeaderEpoch(batch.partitionLeaderEpoch())
                .producerState(batch.producerId(), batch.producerEpoch(), batch.baseSequence())
                .transactional(batch.isTransactional())
                .initialCapacity(batch.sizeInBytes());
        if (batch.timestampType() == TimestampType.LOG_APPEND_TIME) {
            builder.logAppendTime(batch.maxTimestamp());
        }
        if (deleteHorizon != BatchLayout.NO_TIMESTAMP) {
            builder.deleteHorizonMs(deleteHorizon);
        }
        for (Record r : records) {
            builder.appendWithOffset(r.offset(), r.timestamp(), r.key(), r.value(), r.headers());
        }
        builder.overrideLastOffset(batch.lastOffset());
        return builder.build().buffer();
    }
}
