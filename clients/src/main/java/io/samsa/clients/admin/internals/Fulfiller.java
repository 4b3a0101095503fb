package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.errors.UnsupportedVersionException;

import java.util.Set;

/**
 * The request an admin call sends for the keys bound to one destination, and how it reads the
 * answer into {@link Outcomes}. Keys the answer leaves undecided fail as "not answered".
 * Implementations are used by the I/O thread only.
 */
public interface Fulfiller<K, V> {

    /**
     * The request for {@code keys}.
     *
     * @param timeoutMs what is left of the call's time, capped at {@code request.timeout.ms}; the
     *                  value for a request's own {@code timeout_ms} field
     */
    ClientRequest request(Destination destination, Set<K> keys, int timeoutMs);

    /** Reads the answer to {@link #request}. */
    void onResponse(Destination destination, Set<K> keys, ClientResponse response, Outcomes<K, V> out);

    /** Whether keys bound to one destination share one request (else one request per key). */
    default boolean batched() {
        return true;
    }

    /** The broker speaks no version this request can be built at; by default every key fails with {@code e}. */
    default void onUnsupportedVersion(Set<K> keys, UnsupportedVersionException e, Outcomes<K, V> out) {
        out.failAll(e);
    }
}
