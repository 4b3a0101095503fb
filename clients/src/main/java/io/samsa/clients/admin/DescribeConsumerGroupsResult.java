package io.samsa.clients.admin;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#describeConsumerGroups}: a future per group. Thread-safe. */
public class DescribeConsumerGroupsResult {

    private final Map<String, CompletableFuture<ConsumerGroupDescription>> futures;

    DescribeConsumerGroupsResult(Map<String, CompletableFuture<ConsumerGroupDescription>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    public Map<String, CompletableFuture<ConsumerGroupDescription>> describedGroups() {
        return futures;
    }

    /** Every group's description; fails if any could not be described. */
    public CompletableFuture<Map<String, ConsumerGroupDescription>> all() {
        return ResultFutures.values(futures);
    }
}
