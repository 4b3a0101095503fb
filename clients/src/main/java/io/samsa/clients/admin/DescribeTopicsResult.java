package io.samsa.clients.admin;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#describeTopics}: a future per topic name. Thread-safe. */
public class DescribeTopicsResult {

    private final Map<String, CompletableFuture<TopicDescription>> futures;

    DescribeTopicsResult(Map<String, CompletableFuture<TopicDescription>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    /** Per topic, its description, or UnknownTopicOrPartitionException when it does not exist. */
    public Map<String, CompletableFuture<TopicDescription>> topicNameValues() {
        return futures;
    }

    /** Every topic's description; fails if any topic could not be described. */
    public CompletableFuture<Map<String, TopicDescription>> allTopicNames() {
        return ResultFutures.values(futures);
    }
}
