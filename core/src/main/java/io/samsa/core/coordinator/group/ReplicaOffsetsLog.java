package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.log.FetchDataInfo;
import io.samsa.core.log.Log;
import io.samsa.core.replication.AppendResult;
import io.samsa.core.replication.Partition;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.record.BatchIterator;
import io.samsa.record.MemoryRecords;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;

/**
 * {@link OffsetsLog} over this broker's {@link ReplicaManager}: the coordinator's own append path
 * to the internal topic (clients are refused it in ProduceHandler) with acks=all semantics, and
 * replay by reading the partition's log, to its end, in chunks of {@code offsets.load.buffer.size}.
 * Thread-safe.
 */
public final class ReplicaOffsetsLog implements OffsetsLog {

    private static final short ACKS_ALL = -1;

    private final ReplicaManager replicaManager;
    private final int loadBufferSize;
    private final long commitTimeoutMs;

    /** {@code commitTimeoutMs}: how long an append may wait for the replicas (offsets.commit.timeout.ms). */
    public ReplicaOffsetsLog(ReplicaManager replicaManager, int loadBufferSize, long commitTimeoutMs) {
        this.replicaManager = replicaManager;
        this.loadBufferSize = loadBufferSize;
        this.commitTimeoutMs = commitTimeoutMs;
    }

    @Override
    public void append(int partition, ByteBuffer records, AppendCallback callback) {
        TopicPartition tp = new TopicPartition(OffsetsTopic.NAME, partition);
        try {
            replicaManager.appendRecords(Map.of(tp, records), ACKS_ALL, commitTimeoutMs, results -> {
                AppendResult r = results.get(tp);
                callback.onComplete(r.error(), r.baseOffset());
            });
        } catch (RuntimeException e) {
            callback.onComplete(Errors.KAFKA_STORAGE_ERROR, -1L);
        }
    }

    @Override
    public boolean replay(int partition, RecordVisitor visitor) {
        Optional<Partition> p = replicaManager.partition(new TopicPartition(OffsetsTopic.NAME, partition));
        if (p.isEmpty()) {
            return false;
        }
        Log log = p.get().log();
        long offset = log.logStartOffset();
        // To the log end, not the high watermark, as Kafka loads: a new leader's high watermark
        // lags (the old leader may have died before telling it that the last commits were
        // replicated), and everything in the leader's log will be committed.
        long end = log.logEndOffset();
        while (offset < end) {
            FetchDataInfo data = log.read(offset, loadBufferSize, end, true);
            if (data.slice().isEmpty()) {
                break;
            }
            ByteBuffer buf;
            try {
                buf = data.slice().readFully();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + OffsetsTopic.NAME + "-" + partition, e);
            }
            long before = offset;
            BatchIterator batches = MemoryRecords.readableRecords(buf).batchIterator();
            while (batches.hasNext()) {
                RecordBatch batch = batches.next();
                if (batch.lastOffset() < offset) {
                    continue;
                }
                if (!batch.isControlBatch()) {
                    for (Record r : batch) {
                        if (r.offset() >= offset && r.offset() < end && r.hasKey()) {
                            visitor.visit(r.offset(), r.key(), r.value());
                        }
                    }
                }
                offset = batch.nextOffset();
            }
            if (offset == before) {
                break;
            }
        }
        return true;
    }
}
