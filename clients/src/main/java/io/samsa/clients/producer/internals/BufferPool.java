package io.samsa.clients.producer.internals;

import io.samsa.common.Time;
import io.samsa.common.errors.InterruptException;
import io.samsa.common.errors.TimeoutException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The producer's {@code buffer.memory}: batches reserve their bytes here before records are
 * appended and give them back once the broker answered. When the memory is used up, senders wait
 * in arrival order up to {@code max.block.ms} — the back-pressure that keeps a fast application
 * from outrunning the network. Accounting only (batches allocate their own buffers). Thread-safe.
 */
final class BufferPool {

    private final long totalBytes;
    private final Time time;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Condition> waiters = new ArrayDeque<>();
    private long availableBytes;
    private boolean closed;

    BufferPool(long totalBytes, Time time) {
        this.totalBytes = totalBytes;
        this.availableBytes = totalBytes;
        this.time = time;
    }

    /**
     * Reserves {@code size} bytes, waiting up to {@code maxBlockMs} for others to release them.
     *
     * @throws TimeoutException when the memory did not free up in time
     */
    void reserve(int size, long maxBlockMs) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The producer is closed");
            }
            if (waiters.isEmpty() && availableBytes >= size) {
                availableBytes -= size;
                return;
            }
            Condition turn = lock.newCondition();
            waiters.addLast(turn);
            long deadline = time.hiResClockMs() + maxBlockMs;
            try {
                while (availableBytes < size || waiters.peekFirst() != turn) {
                    if (closed) {
                        throw new IllegalStateException("The producer is closed");
                    }
                    long left = deadline - time.hiResClockMs();
                    if (left <= 0) {
                        throw new TimeoutException("Failed to allocate " + size + " bytes within the configured max blocking time "
                                + maxBlockMs + " ms; buffer.memory is " + totalBytes + " bytes");
                    }
                    turn.await(left, TimeUnit.MILLISECONDS);
                }
                availableBytes -= size;
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
    }

    void release(int size) {
        lock.lock();
        try {
            availableBytes = Math.min(totalBytes, availableBytes + size);
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

    long availableBytes() {
        lock.lock();
        try {
            return availableBytes;
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
