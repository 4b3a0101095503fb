package io.samsa.core.coordinator.group;

/**
 * The single thread that owns all group state, and its timers. Every command, timer and append
 * completion runs through {@link #execute} or {@link #schedule}, one at a time, so group state
 * needs no locks. Production uses {@link CoordinatorThread}; tests drive a manual implementation
 * with a mock clock. Implementations are thread-safe.
 */
public interface CoordinatorScheduler {

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} on the coordinator thread, after the tasks already submitted. */
    void execute(Runnable task);

    /** Runs {@code task} on the coordinator thread once {@code delayMs} have passed, unless cancelled first. */
    Cancellable schedule(long delayMs, Runnable task);
}
