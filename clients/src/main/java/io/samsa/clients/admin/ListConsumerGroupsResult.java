package io.samsa.clients.admin;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The result of {@link Admin#listConsumerGroups}: the groups every broker listed, and the brokers
 * that could not answer. Thread-safe.
 */
public class ListConsumerGroupsResult {

    private final CompletableFuture<Collection<ConsumerGroupListing>> all;
    private final CompletableFuture<Collection<ConsumerGroupListing>> valid;
    private final CompletableFuture<Collection<Throwable>> errors;

    /** {@code listings} and {@code errors} complete together, never exceptionally. */
    ListConsumerGroupsResult(CompletableFuture<List<ConsumerGroupListing>> listings, CompletableFuture<List<Throwable>> errors) {
        this.valid = listings.thenApply(l -> List.<ConsumerGroupListing>copyOf(l));
        this.errors = errors.thenApply(e -> List.<Throwable>copyOf(e));
        this.all = listings.thenCombine(errors, (l, e) -> e).thenCompose(e -> e.isEmpty()
                ? this.valid : CompletableFuture.failedFuture(e.get(0)));
    }

    /** Every group; fails with the first error when some broker could not list its groups. */
    public CompletableFuture<Collection<ConsumerGroupListing>> all() {
        return all;
    }

    /** The groups of the brokers that answered. */
    public CompletableFuture<Collection<ConsumerGroupListing>> valid() {
        return valid;
    }

    /** Why some brokers could not list their groups; empty when all could. */
    public CompletableFuture<Collection<Throwable>> errors() {
        return errors;
    }
}
