package io.samsa.clients.admin;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#describeLogDirs}: per broker, its log directories by path. Thread-safe. */
public class DescribeLogDirsResult {

    private final Map<Integer, CompletableFuture<Map<String, LogDirDescription>>> futures;

    DescribeLogDirsResult(Map<Integer, CompletableFuture<Map<String, LogDirDescription>>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public Map<Integer, CompletableFuture<Map<String, LogDirDescription>>> descriptions() {
        return futures;
    }

    /** Every broker's log directories; fails if any broker could not describe them. */
    public CompletableFuture<Map<Integer, Map<String, LogDirDescription>>> allDescriptions() {
        return ResultFutures.values(futures);
    }
}
