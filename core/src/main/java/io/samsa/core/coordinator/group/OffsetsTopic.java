package io.samsa.core.coordinator.group;

/** The internal topic that holds committed offsets and group metadata. Stateless. */
public final class OffsetsTopic {

    public static final String NAME = "__consumer_offsets";

    private OffsetsTopic() {
    }

    /** The partition that holds {@code groupId}: Kafka's {@code Utils.abs(groupId.hashCode()) % partitions}. */
    public static int partitionFor(String groupId, int numPartitions) {
        return abs(groupId.hashCode()) % numPartitions;
    }

    /** Kafka's {@code Utils.abs}: like Math.abs, but Integer.MIN_VALUE maps to 0 rather than staying negative. */
    static int abs(int n) {
        return n == Integer.MIN_VALUE ? 0 : Math.abs(n);
    }
}
