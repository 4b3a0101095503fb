package io.samsa.clients.admin;

import io.samsa.common.config.ConfigResource;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#incrementalAlterConfigs}: a future per resource. Thread-safe. */
public class AlterConfigsResult {

    private final Map<ConfigResource, CompletableFuture<Void>> futures;

    AlterConfigsResult(Map<ConfigResource, CompletableFuture<Void>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public Map<ConfigResource, CompletableFuture<Void>> values() {
        return futures;
    }

    /** Completes when every resource was changed; fails if any was not. */
    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }
}
