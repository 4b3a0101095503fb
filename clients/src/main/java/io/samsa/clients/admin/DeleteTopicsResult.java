package io.samsa.clients.admin;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#deleteTopics}: a future per topic name. Thread-safe. */
public class DeleteTopicsResult {

    private final Map<String, CompletableFuture<Void>> futures;

    DeleteTopicsResult(Map<String, CompletableFuture<Void>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    /** Per topic, a future that completes when it was deleted. */
    public Map<String, CompletableFuture<Void>> topicNameValues() {
        return futures;
    }

    /** Completes when every topic was deleted; fails if any was not. */
    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }
}
