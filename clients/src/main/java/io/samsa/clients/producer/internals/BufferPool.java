package io.samsa.clients.producer.internals;

import io.samsa.common.Time;
import io.samsa.common.errors.InterruptException;
import io.samsa.common.errors.TimeoutException;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer's {@code buffer.memory}: batches reserve their bytes here before records are
 * appended and give them back once the broker answered. When the memory is used up, senders wait
 * in arrival order up to {@code max.block.ms} — the back-pressure that keeps a fast application
 * from outrunning the network. Buffers of exactly {@code batch.size} bytes are kept when their
 * batch is done and handed to the next batch, as Kafka's producer does: allocating (and zeroing) a
 * fresh buffer per batch cost more than filling it. Kept buffers count as used memory until a
 * larger reservation needs their bytes. Thread-safe.
 */
final class BufferPool {

    private final long totalBytes;
    private final int poolableSize;
    private final Time time;
    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Condition> waiters = new ArrayDeque<>();
    private long availableBytes;
    private boolean closed;

    BufferPool(long totalBytes, int poolableSize, Time time) {
        this.totalBytes = totalBytes;
        this.poolableSize = poolableSize;
        this.availableBytes = totalBytes;
        this.time = time;
    }

    /**
     * A buffer of {@code size} bytes (position 0, content arbitrary), waiting up to
     * {@code maxBlockMs} for others to give memory back.
     *
     * @throws TimeoutException when the memory did not free up in time
     */
    ByteBuffer allocate(int size, long maxBlockMs) {
        ByteBuffer kept = keptOrReserved(size, maxBlockMs);
        // A new buffer is allocated outside the lock: zeroing it takes a while.
        return kept != null ? kept : ByteBuffer.allocate(size);
    }

    /** A kept buffer, or null once {@code size} bytes of memory are reserved for a new one. */
    private ByteBuffer keptOrReserved(int size, long maxBlockMs) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The producer is closed");
            }
            if (waiters.isEmpty()) {
                ByteBuffer kept = take(size);
                if (kept != null) {
                    return kept;
                }
                if (reserve(size)) {
                    return null;
                }
            }
            Condition turn = lock.newCondition();
            waiters.addLast(turn);
            long deadline = time.hiResClockMs() + maxBlockMs;
            try {
                while (true) {
                    if (closed) {
                        throw new IllegalStateException("The producer is closed");
                    }
                    if (waiters.peekFirst() == turn) {
                        ByteBuffer kept = take(size);
                        if (kept != null) {
                            return kept;
                        }
                        if (reserve(size)) {
                            break;
                        }
                    }
                    long left = deadline - time.hiResClockMs();
                    if (left <= 0) {
                        throw new TimeoutException("Failed to allocate " + size + " bytes within the configured max blocking time "
                                + maxBlockMs + " ms; buffer.memory is " + totalBytes + " bytes");
                    }
                    turn.await(left, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                throw new InterruptException(e);
            } finally {
                waiters.remove(turn);
                Condition next = waiters.peekFirst();
                if (next != null) {
                    next.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        return null;
    }

    /** A kept buffer when {@code size} is the poolable size and one is kept; under the lock. */
    private ByteBuffer take(int size) {
        return size == poolableSize ? free.pollFirst() : null;
    }

    /** Takes {@code size} bytes of unkept memory, giving up kept buffers for it; under the lock. */
    private boolean reserve(int size) {
        while (availableBytes < size && !free.isEmpty()) {
            free.pollLast();
            availableBytes += poolableSize;
        }
        if (availableBytes < size) {
            return false;
        }
        availableBytes -= size;
        return true;
    }

    /**
     * Gives back the {@code size} bytes a batch held; {@code buffer}, the buffer it was given (or
     * null), is kept for reuse when it has the poolable size. The caller must no longer use it.
     */
    void deallocate(ByteBuffer buffer, int size) {
        lock.lock();
        try {
            if (buffer != null && size == poolableSize && buffer.capacity() == poolableSize) {
                free.addFirst(buffer.clear());
            } else {
                availableBytes = Math.min(totalBytes, availableBytes + size);
            }
            Condition next = waiters.peekFirst();
            if (next != null) {
                next.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    long totalBytes() {
        return totalBytes;
    }

    /** Memory not held by a batch, kept buffers included. */
    long availableBytes() {
        lock.lock();
        try {
            return availableBytes + (long) free.size() * poolableSize;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a sender waits for memory: the accumulator then sends what it has without lingering. */
    boolean hasWaiters() {
        lock.lock();
        try {
            return !waiters.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiter with an error: the producer is closing. */
    void close() {
        lock.lock();
        try {
            closed = true;
            for (Condition c : waiters) {
                c.signal();
            }
        } finally {
            lock.unlock();
        }
    }
}
