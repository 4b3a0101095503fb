package io.samsa.core.replication;

/**
 * The request-wide terms of a fetch: how long it may wait for {@code minBytes} to be available, and
 * how many bytes the whole answer may carry. Immutable.
 */
public record FetchParams(int maxWaitMs, int minBytes, int maxBytes) {

    /** Whether the fetch may be parked at all (Kafka answers at once for a zero wait or zero bytes). */
    boolean mayWait() {
        return maxWaitMs > 0 && minBytes > 0;
    }
}
