package io.samsa.record.compress;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A few byte arrays of one size kept for reuse. A codec stream lives for one batch but needs
 * buffers of a whole block (64 KiB for LZ4); allocating them afresh for every batch made the
 * producer's compressed workloads spend more time in garbage collection than in compression.
 * A stream may be opened on one thread and closed on another (the producer appends on the
 * application's thread and closes the batch on its I/O thread), hence one shared, bounded queue
 * rather than thread-local caches. Thread-safe.
 */
final class RecycledArrays {

    private final int size;
    private final ArrayBlockingQueue<byte[]> free;

    RecycledArrays(int size, int capacity) {
        this.size = size;
        this.free = new ArrayBlockingQueue<>(capacity);
    }

    /** A kept array, or a new one; its content is arbitrary. */
    byte[] take() {
        byte[] a = free.poll();
        return a != null ? a : new byte[size];
    }

    /** Keeps {@code array} for a later {@link #take} unless enough are kept already. */
    void give(byte[] array) {
        if (array != null && array.length == size) {
            free.offer(array);
        }
    }
}
