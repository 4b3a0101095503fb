package io.samsa.clients.producer.internals;

import io.samsa.clients.producer.Callback;
import io.samsa.clients.producer.RecordMetadata;
import io.samsa.common.TopicPartition;
import io.samsa.record.BatchLayout;
import io.samsa.record.CompressionType;
import io.samsa.record.Header;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;
import io.samsa.record.ProducerStateRewrite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The records bound for one partition in one produce request: appended while open, closed when
 * full, lingered long enough or drained, then sent (perhaps several times) until the broker
 * acknowledges it or it fails. Completing it completes each record's future and callback, in append
 * order. Appends are guarded by the accumulator's lock on the partition's deque; once closed, the
 * batch belongs to the I/O thread.
 */
public final class ProducerBatch {

    private static final Logger log = LoggerFactory.getLogger(ProducerBatch.class);

    /**
     * One appended record's future, carrying what its completion needs: one object per queued
     * record rather than a future plus a holder, which matters when {@code buffer.memory} holds
     * hundreds of thousands of records for the garbage collector to copy.
     */
    private static final class RecordFuture extends CompletableFuture<RecordMetadata> {
        final Callback callback;
        final long timestamp;
        final int keySize;
        final int valueSize;

        RecordFuture(Callback callback, long timestamp, int keySize, int valueSize) {
            this.callback = callback;
            this.timestamp = timestamp;
            this.keySize = keySize;
            this.valueSize = valueSize;
        }
    }

    final TopicPartition tp;
    final long createdMs;
    private final MemoryRecordsBuilder builder;
    private final int batchSizeLimit;
    private final int reservedBytes;
    private final ByteBuffer buffer;
    private final List<RecordFuture> futures = new ArrayList<>();
    private MemoryRecords records;
    private long uncompressedBytes;
    private long producerId = BatchLayout.NO_PRODUCER_ID;
    private short producerEpoch = BatchLayout.NO_PRODUCER_EPOCH;
    private int baseSequence = BatchLayout.NO_SEQUENCE;
    int attempts;
    long lastAttemptMs;
    boolean retry;
    private boolean done;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();

    /** A batch written into {@code buffer}, whose whole capacity is reserved in the accumulator's pool. */
    ProducerBatch(TopicPartition tp, CompressionType compression, int compressionLevel, int batchSizeLimit, ByteBuffer buffer,
                  long nowMs) {
        this.tp = tp;
        this.createdMs = nowMs;
        this.lastAttemptMs = nowMs;
        this.batchSizeLimit = batchSizeLimit;
        this.buffer = buffer;
        this.reservedBytes = buffer.capacity();
        this.builder = new MemoryRecordsBuilder(compression, 0L).buffer(buffer);
        if (compression.hasLevels() && compressionLevel != Integer.MIN_VALUE) {
            builder.compressionLevel(compressionLevel);
        }
    }

    /**
     * Appends a record if it fits under the batch size (a batch always takes its first record,
     * however large), returning its future, or null when the batch is full.
     */
    CompletableFuture<RecordMetadata> tryAppend(long timestamp, byte[] key, byte[] value, Header[] headers, Callback callback) {
        if (records != null) {
            return null;
        }
        int estimate = RecordSizes.estimate(key, value, headers);
        if (!futures.isEmpty() && builder.estimatedSizeInBytes() + estimate > batchSizeLimit) {
            return null;
        }
        builder.append(timestamp, key == null ? null : ByteBuffer.wrap(key), value == null ? null : ByteBuffer.wrap(value), headers);
        RecordFuture future = new RecordFuture(callback, timestamp, key == null ? -1 : key.length, value == null ? -1 : value.length);
        futures.add(future);
        return future;
    }

    int recordCount() {
        return futures.size();
    }

    boolean isFull() {
        return records != null || builder.estimatedSizeInBytes() >= batchSizeLimit;
    }

    /** Memory reserved for this batch in the accumulator's pool. */
    int reservedBytes() {
        return reservedBytes;
    }

    /** The pool's buffer the batch was written into (or outgrew); free for reuse once the batch is done. */
    ByteBuffer buffer() {
        return buffer;
    }

    boolean isClosed() {
        return records != null;
    }

    /** Stops appends and encodes the batch with the producer state it is sent under. */
    void close(long pid, short epoch, int sequence) {
        if (records != null && pid == producerId && epoch == producerEpoch && sequence == baseSequence) {
            return;
        }
        this.producerId = pid;
        this.producerEpoch = epoch;
        this.baseSequence = sequence;
        if (records == null) {
            builder.producerState(pid, epoch, sequence);
            uncompressedBytes = builder.estimatedSizeInBytes();
            records = builder.build();
        } else {
            ProducerStateRewrite.rewrite(records.buffer().duplicate(), pid, epoch, sequence);
        }
    }

    /** The encoded batch; only after {@link #close}. */
    MemoryRecords records() {
        return records;
    }

    /** Size after compression over size before (Kafka's compression ratio), once closed; 1 before. */
    double compressionRate() {
        return records == null || uncompressedBytes == 0 ? 1.0 : records.sizeInBytes() / (double) uncompressedBytes;
    }

    int sizeInBytes() {
        return records == null ? (int) builder.estimatedSizeInBytes() : records.sizeInBytes();
    }

    boolean hasSequence() {
        return baseSequence != BatchLayout.NO_SEQUENCE;
    }

    int baseSequence() {
        return baseSequence;
    }

    int lastSequence() {
        return baseSequence + futures.size() - 1;
    }

    long producerId() {
        return producerId;
    }

    short producerEpoch() {
        return producerEpoch;
    }

    /** Forgets the sequence so the batch is re-stamped when it is next sent (after an epoch bump). */
    void resetSequence() {
        baseSequence = BatchLayout.NO_SEQUENCE;
    }

    boolean isDone() {
        return done;
    }

    /**
     * Completes every record: with offsets from {@code baseOffset} when {@code error} is null, else
     * with the error. Returns false when it was already completed.
     */
    boolean complete(long baseOffset, long logAppendTime, RuntimeException error) {
        if (done) {
            return false;
        }
        done = true;
        for (int i = 0; i < futures.size(); i++) {
            RecordFuture f = futures.get(i);
            RecordMetadata metadata = null;
            if (error == null) {
                long timestamp = logAppendTime >= 0 ? logAppendTime : f.timestamp;
                metadata = new RecordMetadata(tp, baseOffset, i, timestamp, f.keySize, f.valueSize);
            }
            if (f.callback != null) {
                try {
                    f.callback.onCompletion(metadata, error);
                } catch (RuntimeException e) {
                    log.error("A producer callback for {} threw", tp, e);
                }
            }
            if (error == null) {
                f.complete(metadata);
            } else {
                f.completeExceptionally(error);
            }
        }
        completion.complete(null);
        return true;
    }

    /** Blocks until the batch completed, successfully or not. */
    void awaitCompletion() throws InterruptedException {
        try {
            completion.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A batch's completion never fails", e);
        }
    }

    @Override
    public String toString() {
        return "ProducerBatch(" + tp + ", records " + futures.size() + ", sequence " + baseSequence + ")";
    }
}
