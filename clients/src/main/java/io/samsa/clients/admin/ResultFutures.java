package io.samsa.clients.admin;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** How results combine per-key futures. Stateless. */
final class ResultFutures {

    private ResultFutures() {
    }

    /** Completes when all do; fails with a failure of one of them. */
    static CompletableFuture<Void> all(Collection<? extends CompletableFuture<?>> futures) {
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]));
    }

    /** Every key's value once all are complete; fails with a failure of one of them. */
    static <K, V> CompletableFuture<Map<K, V>> values(Map<K, ? extends CompletableFuture<V>> futures) {
        return all(futures.values()).thenApply(ignored -> {
            Map<K, V> out = new LinkedHashMap<>();
            futures.forEach((k, f) -> out.put(k, f.join()));
            return out;
        });
    }

    /** The futures as a read-only map of {@code Void} futures. */
    static <K> Map<K, CompletableFuture<Void>> voids(Map<K, ? extends CompletableFuture<?>> futures) {
        Map<K, CompletableFuture<Void>> out = new LinkedHashMap<>();
        futures.forEach((k, f) -> out.put(k, f.thenApply(v -> null)));
        return Collections.unmodifiableMap(out);
    }
}
