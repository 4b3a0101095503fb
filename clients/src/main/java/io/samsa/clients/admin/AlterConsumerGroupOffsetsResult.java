package io.samsa.clients.admin;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#alterConsumerGroupOffsets}: the group's answer per partition. Thread-safe. */
public class AlterConsumerGroupOffsetsResult {

    private final CompletableFuture<Map<TopicPartition, Errors>> future;

    AlterConsumerGroupOffsetsResult(CompletableFuture<Map<TopicPartition, Errors>> future) {
        this.future = future;
    }

    /** Completes when the partition's offset was committed; fails with the partition's error. */
    public CompletableFuture<Void> partitionResult(TopicPartition partition) {
        return future.thenApply(errors -> {
            Errors error = errors.get(partition);
            if (error == null) {
                throw new IllegalArgumentException("Offset for partition \"" + partition + "\" was not altered");
            }
            if (error != Errors.NONE) {
                throw error.exception();
            }
            return null;
        });
    }

    /** Completes when every offset was committed; fails with the first partition error. */
    public CompletableFuture<Void> all() {
        return future.thenApply(errors -> {
            List<TopicPartition> failed = errors.entrySet().stream().filter(e -> e.getValue() != Errors.NONE)
                    .map(Map.Entry::getKey).toList();
            for (Errors error : errors.values()) {
                if (error != Errors.NONE) {
                    throw error.exception("Failed altering consumer group offsets for the following partitions: " + failed);
                }
            }
            return null;
        });
    }
}
