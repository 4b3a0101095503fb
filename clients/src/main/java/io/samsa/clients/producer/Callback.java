package io.samsa.clients.producer;

/**
 * Told once when a sent record is acknowledged or has failed. Callbacks run on the producer's I/O
 * thread, in the order of the records' sends to each partition, so they must be quick: work that
 * blocks delays every other send. Implementations need not be thread-safe unless shared.
 */
@FunctionalInterface
public interface Callback {

    /**
     * @param metadata where the record went; on failure its offset and timestamp are -1 (and its
     *        partition too when none was chosen yet). Never null.
     * @param exception null on success, else why the record was not written, for example a
     *        {@link io.samsa.common.errors.TimeoutException} once {@code delivery.timeout.ms}
     *        passed, or a {@link io.samsa.common.errors.RecordTooLargeException}
     */
    void onCompletion(RecordMetadata metadata, Exception exception);
}
