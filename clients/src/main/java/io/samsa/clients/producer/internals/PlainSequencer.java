package io.samsa.clients.producer.internals;

import io.samsa.common.TopicPartition;
import io.samsa.record.BatchLayout;

import java.util.HashMap;
import java.util.Map;

/**
 * Sequencing without idempotence: batches carry no producer state, and when the producer may have
 * only one request in flight per connection, a partition with a batch in flight sends nothing more
 * until it is answered, so retries cannot reorder records. I/O thread only.
 */
final class PlainSequencer implements BatchSequencer {

    private final boolean guaranteeOrder;
    private final Map<TopicPartition, Integer> inFlight = new HashMap<>();

    PlainSequencer(boolean guaranteeOrder) {
        this.guaranteeOrder = guaranteeOrder;
    }

    @Override
    public boolean maySend(ProducerBatch head) {
        return !guaranteeOrder || inFlight.getOrDefault(head.tp, 0) == 0;
    }

    @Override
    public void stamp(ProducerBatch batch) {
        batch.close(BatchLayout.NO_PRODUCER_ID, BatchLayout.NO_PRODUCER_EPOCH, BatchLayout.NO_SEQUENCE);
        inFlight.merge(batch.tp, 1, Integer::sum);
    }

    @Override
    public void onAcknowledged(ProducerBatch batch) {
        finished(batch);
    }

    @Override
    public void onRetry(ProducerBatch batch) {
        finished(batch);
    }

    @Override
    public void onFailed(ProducerBatch batch) {
        finished(batch);
    }

    private void finished(ProducerBatch batch) {
        inFlight.computeIfPresent(batch.tp, (k, n) -> n <= 1 ? null : n - 1);
    }
}
