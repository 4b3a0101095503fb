package io.samsa.clients.producer.internals;

import io.samsa.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/**
 * The idempotent producer's sequence numbers (KIP-98): each partition's batches carry consecutive
 * sequences under one producer id and epoch, so the broker drops a resent duplicate and refuses a
 * gap. A retried batch keeps its sequence and goes only once nothing else of its partition is in
 * flight, so resends arrive in order. When a batch with a sequence fails for good, or the broker no
 * longer knows the producer id, the sequences can no longer line up: the producer then waits for
 * its in-flight requests, bumps its epoch (KIP-360: locally, as Kafka's idempotent producer does;
 * brokers take a higher epoch starting at sequence zero) or takes a new producer id when the epoch
 * is exhausted, and numbers from zero again (queued batches are re-stamped). I/O thread only.
 */
final class IdempotentSequencer implements BatchSequencer {

    /** Sequence bookkeeping of one partition. */
    private static final class PartitionSequences {
        int nextSequence;
        int lastAcknowledged = -1;
        int inFlight;
    }

    private final int maxInFlightPerPartition;
    private final Map<TopicPartition, PartitionSequences> partitions = new HashMap<>();
    private long producerId = -1;
    private short epoch = -1;
    private boolean resetRequested;

    IdempotentSequencer(int maxInFlightPerPartition) {
        this.maxInFlightPerPartition = maxInFlightPerPartition;
    }

    boolean hasProducerId() {
        return producerId >= 0 && !resetRequested;
    }

    /** A new id is needed; nothing is sent until {@link #setProducerId} after in-flight requests end. */
    void requestReset() {
        resetRequested = true;
    }

    boolean isResetRequested() {
        return resetRequested;
    }

    long producerId() {
        return producerId;
    }

    short epoch() {
        return epoch;
    }

    int inFlight() {
        int n = 0;
        for (PartitionSequences s : partitions.values()) {
            n += s.inFlight;
        }
        return n;
    }

    /**
     * Bumps the epoch of the current producer id when a reset was asked for and nothing is in
     * flight; false when a new producer id is needed instead (none yet, or the epoch is exhausted).
     */
    boolean tryBumpEpoch() {
        if (!resetRequested || inFlight() > 0 || producerId < 0 || epoch == Short.MAX_VALUE) {
            return false;
        }
        setProducerId(producerId, (short) (epoch + 1));
        return true;
    }

    /** A new producer id and epoch: every partition numbers from zero. */
    void setProducerId(long id, short newEpoch) {
        producerId = id;
        epoch = newEpoch;
        resetRequested = false;
        partitions.clear();
    }

    @Override
    public boolean maySend(ProducerBatch head) {
        if (!hasProducerId()) {
            return false;
        }
        PartitionSequences s = partitions.computeIfAbsent(head.tp, k -> new PartitionSequences());
        if (head.retry && head.hasSequence() && head.producerId() == producerId) {
            return s.inFlight == 0;
        }
        return s.inFlight < maxInFlightPerPartition;
    }

    @Override
    public void stamp(ProducerBatch batch) {
        PartitionSequences s = partitions.computeIfAbsent(batch.tp, k -> new PartitionSequences());
        int sequence;
        if (batch.hasSequence() && batch.producerId() == producerId && batch.producerEpoch() == epoch) {
            sequence = batch.baseSequence();
        } else {
            sequence = s.nextSequence;
            s.nextSequence += batch.recordCount();
        }
        batch.close(producerId, epoch, sequence);
        s.inFlight++;
    }

    /** Whether this out-of-order answer only reflects an earlier batch that is itself being retried. */
    boolean isAfterUnacknowledgedBatch(ProducerBatch batch) {
        PartitionSequences s = partitions.get(batch.tp);
        return s != null && batch.producerId() == producerId && batch.baseSequence() > s.lastAcknowledged + 1;
    }

    @Override
    public void onAcknowledged(ProducerBatch batch) {
        PartitionSequences s = finished(batch);
        if (s != null && batch.producerId() == producerId) {
            s.lastAcknowledged = Math.max(s.lastAcknowledged, batch.lastSequence());
        }
    }

    @Override
    public void onRetry(ProducerBatch batch) {
        finished(batch);
    }

    @Override
    public void onFailed(ProducerBatch batch) {
        finished(batch);
        if (batch.hasSequence() && batch.producerId() == producerId) {
            requestReset();
        }
    }

    private PartitionSequences finished(ProducerBatch batch) {
        PartitionSequences s = partitions.get(batch.tp);
        if (s != null && batch.producerId() == producerId && s.inFlight > 0) {
            s.inFlight--;
        }
        return s;
    }
}
