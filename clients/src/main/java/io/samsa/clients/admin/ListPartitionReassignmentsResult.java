package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#listPartitionReassignments}: the moves in progress. Thread-safe. */
public class ListPartitionReassignmentsResult {

    private final CompletableFuture<Map<TopicPartition, PartitionReassignment>> future;

    ListPartitionReassignmentsResult(CompletableFuture<Map<TopicPartition, PartitionReassignment>> future) {
        this.future = future;
    }

    public CompletableFuture<Map<TopicPartition, PartitionReassignment>> reassignments() {
        return future;
    }
}
