package io.samsa.core.replication;

/**
 * Kafka's replication settings, with their defaults: how long a follower may lag before it leaves
 * the ISR ({@code replica.lag.time.max.ms}), how many fetcher threads serve each leader
 * ({@code num.replica.fetchers}), and what a follower's fetches ask for ({@code replica.fetch.*},
 * {@code replica.socket.timeout.ms}). Immutable.
 */
public record ReplicationConfig(long replicaLagTimeMaxMs, int numReplicaFetchers, int fetchMaxBytes, int fetchResponseMaxBytes,
                                int fetchMinBytes, int fetchWaitMaxMs, int fetchBackoffMs, int socketTimeoutMs) {

    public static ReplicationConfig defaults() {
        return new ReplicationConfig(30_000L, 1, 1_048_576, 10_485_760, 1, 500, 1_000, 30_000);
    }
}
