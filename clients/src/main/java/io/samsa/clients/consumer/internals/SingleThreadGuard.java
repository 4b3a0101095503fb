package io.samsa.clients.consumer.internals;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kafka's light lock on the consumer: a call from a second thread while one is inside the
 * consumer fails with {@link ConcurrentModificationException} instead of corrupting state.
 * Re-entrant for the thread that holds it (a rebalance listener may call the consumer back).
 * Thread-safe.
 */
public final class SingleThreadGuard {

    private static final long NO_THREAD = -1;

    private final AtomicLong owner = new AtomicLong(NO_THREAD);
    private int depth;

    /** Enters; throws if another thread is inside. */
    public void acquire() {
        long me = Thread.currentThread().getId();
        if (me != owner.get() && !owner.compareAndSet(NO_THREAD, me)) {
            throw new ConcurrentModificationException("SamsaConsumer is not safe for multi-threaded access");
        }
        depth++;
    }

    public void release() {
        if (--depth == 0) {
            owner.set(NO_THREAD);
        }
    }
}
