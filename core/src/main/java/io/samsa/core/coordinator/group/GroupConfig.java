package io.samsa.core.coordinator.group;

/**
 * The broker settings the group coordinator obeys, under Kafka's names: session timeout bounds
 * ({@code group.min/max.session.timeout.ms}), {@code group.max.size},
 * {@code group.initial.rebalance.delay.ms}, {@code offset.metadata.max.bytes},
 * {@code offsets.retention.minutes} (as ms), {@code offsets.retention.check.interval.ms} and
 * {@code offsets.load.buffer.size}. The server builds it from its configuration. Immutable.
 */
public record GroupConfig(int minSessionTimeoutMs, int maxSessionTimeoutMs, int maxSize, int initialRebalanceDelayMs,
                          int offsetMetadataMaxBytes, long offsetsRetentionMs, long offsetsRetentionCheckIntervalMs,
                          int loadBufferSize) {

    /** How long a new member may wait in a rebalance before it is dropped (Kafka's constant, KIP-394). */
    public static final int NEW_MEMBER_JOIN_TIMEOUT_MS = 5 * 60 * 1000;

    /** Kafka's defaults, for tests. */
    public static GroupConfig defaults() {
        return new GroupConfig(6000, 1_800_000, Integer.MAX_VALUE, 3000, 4096, 7L * 24 * 60 * 60 * 1000, 600_000L, 5 * 1024 * 1024);
    }

    public GroupConfig withInitialRebalanceDelayMs(int ms) {
        return new GroupConfig(minSessionTimeoutMs, maxSessionTimeoutMs, maxSize, ms, offsetMetadataMaxBytes, offsetsRetentionMs,
                offsetsRetentionCheckIntervalMs, loadBufferSize);
    }

    public GroupConfig withMaxSize(int size) {
        return new GroupConfig(minSessionTimeoutMs, maxSessionTimeoutMs, size, initialRebalanceDelayMs, offsetMetadataMaxBytes,
                offsetsRetentionMs, offsetsRetentionCheckIntervalMs, loadBufferSize);
    }
}
