package io.samsa.core.log;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a partition remembers of one idempotent producer: its current epoch and the sequence
 * ranges and offsets of its last {@value #NUM_BATCHES_TO_RETAIN} batches, enough to recognise
 * any retry a producer with five requests in flight can send. Guarded by the owning log's lock.
 */
final class ProducerStateEntry {

    /** Kafka clients allow at most five in-flight requests per connection with idempotence. */
    static final int NUM_BATCHES_TO_RETAIN = 5;

    /** One appended batch of this producer. */
    record BatchMetadata(int firstSeq, int lastSeq, long firstOffset, long lastOffset, long timestamp) {
    }

    final long producerId;
    private short epoch;
    private int coordinatorEpoch = -1;
    private long lastTimestamp;
    private final Deque<BatchMetadata> batches = new ArrayDeque<>(NUM_BATCHES_TO_RETAIN);

    ProducerStateEntry(long producerId, short epoch) {
        this.producerId = producerId;
        this.epoch = epoch;
    }

    short epoch() {
        return epoch;
    }

    int coordinatorEpoch() {
        return coordinatorEpoch;
    }

    long lastTimestamp() {
        return lastTimestamp;
    }

    /** The last sequence appended at the current epoch, or -1 when none is known. */
    int lastSeq() {
        BatchMetadata last = batches.peekLast();
        return last == null ? -1 : last.lastSeq();
    }

    BatchMetadata lastBatch() {
        return batches.peekLast();
    }

    Iterable<BatchMetadata> batches() {
        return batches;
    }

    /** A batch this producer already appended with exactly these sequences at this epoch, or null. */
    BatchMetadata findDuplicate(short batchEpoch, int firstSeq, int lastSeq) {
        if (batchEpoch != epoch) {
            return null;
        }
        for (BatchMetadata b : batches) {
            if (b.firstSeq() == firstSeq && b.lastSeq() == lastSeq) {
                return b;
            }
        }
        return null;
    }

    /** Records an appended batch; a new epoch forgets the old epoch's batches. */
    void addBatch(short batchEpoch, int firstSeq, int lastSeq, long firstOffset, long lastOffset, long timestamp) {
        if (batchEpoch != epoch) {
            batches.clear();
            epoch = batchEpoch;
        }
        if (batches.size() == NUM_BATCHES_TO_RETAIN) {
            batches.removeFirst();
        }
        batches.addLast(new BatchMetadata(firstSeq, lastSeq, firstOffset, lastOffset, timestamp));
        lastTimestamp = Math.max(lastTimestamp, timestamp);
    }

    void coordinatorEpoch(int value) {
        this.coordinatorEpoch = value;
    }
}
