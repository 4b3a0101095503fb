package io.samsa.zk;

/**
 * A range of producer ids reserved by one broker: {@code [firstProducerId, firstProducerId + size)}.
 * Immutable.
 */
public record ProducerIdBlock(int brokerId, long firstProducerId, int size) {

    /** Kafka's block size. */
    public static final int DEFAULT_SIZE = 1000;

    public long lastProducerId() {
        return firstProducerId + size - 1;
    }

    public long nextBlockFirstId() {
        return firstProducerId + size;
    }
}
