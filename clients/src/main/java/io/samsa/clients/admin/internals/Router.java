package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.errors.UnsupportedVersionException;

import java.util.Set;
import java.util.function.Function;

/**
 * How the keys of an admin call find their broker: directly ({@link #fixed}: the controller, a
 * broker id, any broker) or by asking one (a Metadata request for partition leaders, FindCoordinator
 * for groups), in which case {@link #lookup} builds the question and {@link #onLookup} maps the
 * answer's keys to destinations. Implementations are used by the I/O thread only.
 */
public interface Router<K> {

    /** The destination of {@code key} when it needs no lookup, else null. */
    Destination fixed(K key);

    /** How many keys one lookup request may carry. */
    default int lookupBatchSize() {
        return Integer.MAX_VALUE;
    }

    /** The lookup request for keys {@link #fixed} returned null for; it goes to any broker. */
    default ClientRequest lookup(Set<K> keys) {
        throw new IllegalStateException("This router never looks keys up");
    }

    /**
     * Reads a lookup answer: {@code out.map} each key it locates, {@code out.fail} those it cannot;
     * keys left undecided are looked up again after a back-off.
     */
    default void onLookup(Set<K> keys, ClientResponse response, Outcomes<K, ?> out) {
        throw new IllegalStateException("This router never looks keys up");
    }

    /** The broker cannot answer the lookup at the version asked; true if the router adapted and it may be retried. */
    default boolean onLookupUnsupportedVersion(UnsupportedVersionException e) {
        return false;
    }

    /** Every key to the same destination. */
    static <K> Router<K> to(Destination destination) {
        return key -> destination;
    }

    /** Each key to where {@code route} says, without lookups. */
    static <K> Router<K> fixed(Function<K, Destination> route) {
        return route::apply;
    }
}
