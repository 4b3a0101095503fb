package io.samsa.core.coordinator.producer;

import io.samsa.zk.ProducerIdBlock;

import java.util.function.Supplier;

/**
 * Hands out producer ids from blocks reserved atomically in ZooKeeper
 * ({@code /latest_producer_id_block}, a version-checked update), so no two brokers ever give
 * out the same id; a new block is reserved when the current one runs out. Thread-safe.
 */
public final class ProducerIdManager {

    private final Supplier<ProducerIdBlock> reserveBlock;
    private ProducerIdBlock block;
    private long nextId;

    /** {@code reserveBlock} reserves the next block (in production {@code SamsaZkClient::allocateProducerIdBlock}). */
    public ProducerIdManager(Supplier<ProducerIdBlock> reserveBlock) {
        this.reserveBlock = reserveBlock;
    }

    public synchronized long nextProducerId() {
        if (block == null || nextId > block.lastProducerId()) {
            block = reserveBlock.get();
            nextId = block.firstProducerId();
        }
        return nextId++;
    }
}
