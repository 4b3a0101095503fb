package io.samsa.core.replication;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;

import java.util.concurrent.CompletableFuture;

/**
 * Where a leader sends the ISR it wants (KIP-497): the controller, the only writer of partition
 * state. The server implements it over the network; tests fake it.
 */
public interface AlterPartitionManager {

    /**
     * Proposes {@code proposed} (this broker as leader, at the leader and partition epochs it
     * holds). Completes with the state the controller wrote, or exceptionally with an
     * {@link AlterPartitionException} naming why it refused. A proposal still pending for the same
     * partition is replaced.
     */
    CompletableFuture<LeaderAndIsr> submit(TopicPartition tp, Uuid topicId, LeaderAndIsr proposed, int controllerEpoch);
}
