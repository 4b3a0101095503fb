package io.samsa.core.replication;

/**
 * The request-wide terms of a fetch: who fetches (a consumer, replica id -1, or the follower
 * {@code replicaId} with its broker epoch, -1 if unknown), how long it may wait for
 * {@code minBytes} to be available, and how many bytes the whole answer may carry. Immutable.
 */
public record FetchParams(int replicaId, long replicaEpoch, int maxWaitMs, int minBytes, int maxBytes) {

    /** A consumer's fetch. */
    public FetchParams(int maxWaitMs, int minBytes, int maxBytes) {
        this(CONSUMER_REPLICA_ID, -1L, maxWaitMs, minBytes, maxBytes);
    }

    /** The replica id of a consumer's fetch. */
    public static final int CONSUMER_REPLICA_ID = -1;

    /** Whether a follower replica fetches (it reads to the log end and its fetch offset is its log end). */
    public boolean isFromFollower() {
        return replicaId >= 0;
    }

    /** Whether the fetch may be parked at all (Kafka answers at once for a zero wait or zero bytes). */
    boolean mayWait() {
        return maxWaitMs > 0 && minBytes > 0;
    }
}
