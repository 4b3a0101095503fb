package io.samsa.clients.admin;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ApiException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#deleteConsumerGroupOffsets}: the group's answer per partition. Thread-safe. */
public class DeleteConsumerGroupOffsetsResult {

    private final CompletableFuture<Map<TopicPartition, Errors>> future;
    private final Set<TopicPartition> partitions;

    DeleteConsumerGroupOffsetsResult(CompletableFuture<Map<TopicPartition, Errors>> future, Set<TopicPartition> partitions) {
        this.future = future;
        this.partitions = Set.copyOf(partitions);
    }

    /** Completes when the partition's offset was deleted; fails with its error (e.g. GROUP_SUBSCRIBED_TO_TOPIC). */
    public CompletableFuture<Void> partitionResult(TopicPartition partition) {
        if (!partitions.contains(partition)) {
            throw new IllegalArgumentException("Partition " + partition + " was not included in the original request");
        }
        return future.thenApply(errors -> {
            check(errors, partition);
            return null;
        });
    }

    /** Completes when every partition's offset was deleted. */
    public CompletableFuture<Void> all() {
        return future.thenApply(errors -> {
            partitions.forEach(p -> check(errors, p));
            return null;
        });
    }

    private static void check(Map<TopicPartition, Errors> errors, TopicPartition partition) {
        Errors error = errors.get(partition);
        if (error == null) {
            throw new ApiException("Offset deletion result for partition \"" + partition + "\" was not included in the response");
        }
        if (error != Errors.NONE) {
            throw error.exception();
        }
    }
}
