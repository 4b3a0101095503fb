package io.samsa.clients.admin;

import io.samsa.common.config.ConfigResource;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#describeConfigs}: a future per resource. Thread-safe. */
public class DescribeConfigsResult {

    private final Map<ConfigResource, CompletableFuture<Config>> futures;

    DescribeConfigsResult(Map<ConfigResource, CompletableFuture<Config>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public Map<ConfigResource, CompletableFuture<Config>> values() {
        return futures;
    }

    /** Every resource's configuration; fails if any could not be described. */
    public CompletableFuture<Map<ConfigResource, Config>> all() {
        return ResultFutures.values(futures);
    }
}
