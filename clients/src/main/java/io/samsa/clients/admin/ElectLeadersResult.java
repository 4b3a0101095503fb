package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The result of {@link Admin#electLeaders}: per partition, empty when its election succeeded, or
 * why it failed (for example ElectionNotNeededException when the preferred leader already leads).
 * Thread-safe.
 */
public class ElectLeadersResult {

    private final CompletableFuture<Map<TopicPartition, Optional<Throwable>>> future;

    ElectLeadersResult(CompletableFuture<Map<TopicPartition, Optional<Throwable>>> future) {
        this.future = future;
    }

    public CompletableFuture<Map<TopicPartition, Optional<Throwable>>> partitions() {
        return future;
    }

    /** Completes when every election succeeded; fails with the first partition's error otherwise. */
    public CompletableFuture<Void> all() {
        return future.thenCompose(results -> {
            for (Optional<Throwable> error : results.values()) {
                if (error.isPresent()) {
                    return CompletableFuture.failedFuture(error.get());
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }
}
