package io.samsa.clients.producer.internals;

/**
 * Decides, as the accumulator drains, whether a partition's next batch may go now and stamps it
 * with its producer id, epoch and sequence; told how each sent batch ended. The idempotent
 * producer's rules live in {@link IdempotentSequencer}; without idempotence only the ordering
 * guarantee of {@code max.in.flight.requests.per.connection=1} remains ({@link PlainSequencer}).
 * Called on the I/O thread only.
 */
interface BatchSequencer {

    /** Whether the batch at the head of its partition's deque may be sent now. */
    boolean maySend(ProducerBatch head);

    /** Closes the batch with its producer state; it is about to be sent. */
    void stamp(ProducerBatch batch);

    /** The broker acknowledged the batch. */
    void onAcknowledged(ProducerBatch batch);

    /** The batch goes back to be retried. */
    void onRetry(ProducerBatch batch);

    /** The batch failed for good (its records' futures fail). */
    void onFailed(ProducerBatch batch);
}
