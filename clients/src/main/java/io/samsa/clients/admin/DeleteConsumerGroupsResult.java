package io.samsa.clients.admin;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#deleteConsumerGroups}: a future per group. Thread-safe. */
public class DeleteConsumerGroupsResult {

    private final Map<String, CompletableFuture<Void>> futures;

    DeleteConsumerGroupsResult(Map<String, CompletableFuture<Void>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public Map<String, CompletableFuture<Void>> deletedGroups() {
        return futures;
    }

    /** Completes when every group was deleted; fails (e.g. GroupNotEmptyException) if any was not. */
    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }
}
