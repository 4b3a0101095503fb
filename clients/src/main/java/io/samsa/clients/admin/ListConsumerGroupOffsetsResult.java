package io.samsa.clients.admin;

import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.TopicPartition;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The result of {@link Admin#listConsumerGroupOffsets}: per group, its committed offsets (a
 * partition asked for by name that has no committed offset maps to null). Thread-safe.
 */
public class ListConsumerGroupOffsetsResult {

    private final Map<String, CompletableFuture<Map<TopicPartition, OffsetAndMetadata>>> futures;

    ListConsumerGroupOffsetsResult(Map<String, CompletableFuture<Map<TopicPartition, OffsetAndMetadata>>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    /** The offsets of the one group asked for. */
    public CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> partitionsToOffsetAndMetadata() {
        if (futures.size() != 1) {
            throw new IllegalStateException("Offsets of several groups were asked for; use partitionsToOffsetAndMetadata(groupId)");
        }
        return futures.values().iterator().next();
    }

    public CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> partitionsToOffsetAndMetadata(String groupId) {
        CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> f = futures.get(groupId);
        if (f == null) {
            throw new IllegalArgumentException("Offsets of group '" + groupId + "' were not asked for");
        }
        return f;
    }

    /** Every group's offsets; fails if any group's could not be listed. */
    public CompletableFuture<Map<String, Map<TopicPartition, OffsetAndMetadata>>> all() {
        return ResultFutures.values(futures);
    }
}
