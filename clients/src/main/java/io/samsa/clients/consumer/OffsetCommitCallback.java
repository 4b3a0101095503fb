package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import java.util.Map;

/**
 * Told once when an asynchronous commit completes. Called on the thread that calls {@code poll}
 * (from within a later {@code poll}, {@code commitSync} or {@code close}), so implementations need
 * not be thread-safe.
 */
@FunctionalInterface
public interface OffsetCommitCallback {

    /**
     * @param offsets the offsets the commit was for
     * @param exception null on success, else why it failed: a {@link RetriableCommitFailedException}
     *        if trying again may work, a {@link CommitFailedException} if the group rebalanced, or
     *        another {@link io.samsa.common.errors.SamsaException}
     */
    void onComplete(Map<TopicPartition, OffsetAndMetadata> offsets, Exception exception);
}
