package io.samsa.core.purgatory;

import io.samsa.core.timer.TimerTask;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request that cannot be answered yet (Kafka's delayed operation): it completes exactly once,
 * either when {@link #tryComplete} finds its condition met — checked when it is parked and again
 * whenever something it watches changes — or when its delay runs out. {@link #onComplete} answers
 * in both cases; {@link #onExpiration} follows it only on timeout. Thread-safe: checks of one
 * operation never run concurrently, and completion happens once whoever gets there first.
 */
public abstract class DelayedOperation extends TimerTask {

    private final AtomicBoolean completed = new AtomicBoolean();
    private final ReentrantLock checkLock = new ReentrantLock();

    protected DelayedOperation(long delayMs) {
        super(delayMs);
    }

    /**
     * Checks the condition and, when it holds, calls {@link #forceComplete()} and returns its
     * result. Must be cheap: it runs on the threads that change what the operation waits for.
     */
    public abstract boolean tryComplete();

    /** Answers the request: the condition held, or time ran out. Called once. */
    protected abstract void onComplete();

    /** Called after {@link #onComplete()} when the operation timed out (for counting, say). */
    protected void onExpiration() {
    }

    /** Completes the operation now if nobody has; true for the caller that did. */
    public final boolean forceComplete() {
        if (completed.compareAndSet(false, true)) {
            cancel();
            onComplete();
            return true;
        }
        return false;
    }

    public final boolean isCompleted() {
        return completed.get();
    }

    /** {@link #tryComplete()} under the operation's lock, so two threads never check it at once. */
    final boolean safeTryComplete() {
        checkLock.lock();
        try {
            return !isCompleted() && tryComplete();
        } finally {
            checkLock.unlock();
        }
    }

    /** Its delay ran out. */
    @Override
    public final void run() {
        if (forceComplete()) {
            onExpiration();
        }
    }
}
