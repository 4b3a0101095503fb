package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#alterPartitionReassignments}: a future per partition. Thread-safe. */
public class AlterPartitionReassignmentsResult {

    private final Map<TopicPartition, CompletableFuture<Void>> futures;

    AlterPartitionReassignmentsResult(Map<TopicPartition, CompletableFuture<Void>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    /** Per partition, completes when the controller accepted the move (or its cancellation). */
    public Map<TopicPartition, CompletableFuture<Void>> values() {
        return futures;
    }

    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }
}
