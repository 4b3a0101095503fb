package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import java.util.Collection;

/**
 * Told when a subscribed consumer's assignment changes, to commit offsets or save state for the
 * partitions it loses and to restore state for the ones it gets. Called on the thread that calls
 * {@code poll}, from within {@code poll}, so implementations need not be thread-safe; they may
 * call the consumer (for example {@code commitSync}).
 */
public interface ConsumerRebalanceListener {

    /**
     * The consumer is giving up these partitions in an orderly rebalance, and may still commit
     * their offsets. With the eager protocols this is every assigned partition, before each
     * rebalance; with the cooperative one, only those moving elsewhere.
     */
    void onPartitionsRevoked(Collection<TopicPartition> partitions);

    /** The consumer now owns these partitions (with the cooperative protocol, the new ones only). */
    void onPartitionsAssigned(Collection<TopicPartition> partitions);

    /**
     * The consumer lost these partitions without an orderly rebalance (its session expired, or it
     * was fenced): other members may own them already, so committing their offsets would fail. By
     * default treated as a revocation.
     */
    default void onPartitionsLost(Collection<TopicPartition> partitions) {
        onPartitionsRevoked(partitions);
    }
}
