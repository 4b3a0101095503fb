package io.samsa.clients.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#listTopics}. Thread-safe. */
public class ListTopicsResult {

    private final CompletableFuture<Map<String, TopicListing>> future;

    ListTopicsResult(CompletableFuture<Map<String, TopicListing>> future) {
        this.future = future;
    }

    /** The listings by topic name. */
    public CompletableFuture<Map<String, TopicListing>> namesToListings() {
        return future;
    }

    public CompletableFuture<Collection<TopicListing>> listings() {
        return future.thenApply(m -> new ArrayList<>(m.values()));
    }

    public CompletableFuture<Set<String>> names() {
        return future.thenApply(m -> Set.copyOf(m.keySet()));
    }
}
