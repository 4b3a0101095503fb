package io.samsa.clients.admin;

import io.samsa.common.TopicPartition;

import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The result of {@link Admin#deleteRecords}: a future per partition. Thread-safe. */
public class DeleteRecordsResult {

    private final Map<TopicPartition, CompletableFuture<DeletedRecords>> futures;

    DeleteRecordsResult(Map<TopicPartition, CompletableFuture<DeletedRecords>> futures) {
        this.futures = Collections.unmodifiableMap(futures);
    }

    /** Per partition, its new low watermark. */
    public Map<TopicPartition, CompletableFuture<DeletedRecords>> lowWatermarks() {
        return futures;
    }

    /** Completes when every partition was trimmed. */
    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }
}
