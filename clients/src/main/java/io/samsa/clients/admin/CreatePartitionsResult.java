package io.samsa.clients.admin;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#createPartitions}: a future per topic. Thread-safe. */
public class CreatePartitionsResult {

    private final Map<String, CompletableFuture<Void>> futures;

    CreatePartitionsResult(Map<String, CompletableFuture<Void>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public Map<String, CompletableFuture<Void>> values() {
        return futures;
    }

    /** Completes when every topic has grown; fails if any has not. */
    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }
}
