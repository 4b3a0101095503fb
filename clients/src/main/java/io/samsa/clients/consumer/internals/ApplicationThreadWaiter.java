package io.samsa.clients.consumer.internals;

import io.samsa.common.Time;
import io.samsa.common.errors.InterruptException;
import io.samsa.common.errors.WakeupException;

import java.util.concurrent.CompletableFuture;

/**
 * Where the application thread blocks inside the consumer: it sleeps until the I/O thread signals
 * that something it waits for arrived (a fetch, a group answer, a commit) or the deadline passes,
 * and it throws {@link WakeupException} when {@link #wakeup()} was called (from any thread) since
 * the last blocking call. Thread-safe: {@link #signal} and {@link #wakeup} from any thread,
 * {@link #await} and {@link #awaitDone} from the application thread.
 */
public final class ApplicationThreadWaiter {

    private final Time time;
    private boolean signalled;
    private boolean wakeupRequested;

    public ApplicationThreadWaiter(Time time) {
        this.time = time;
    }

    /** Something arrived; a waiting application thread looks again. */
    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    /** Makes the current or next blocking call throw {@link WakeupException}. */
    public synchronized void wakeup() {
        wakeupRequested = true;
        notifyAll();
    }

    /** Throws {@link WakeupException} if a wakeup is pending (and clears it). */
    public synchronized void maybeTriggerWakeup() {
        if (wakeupRequested) {
            wakeupRequested = false;
            throw new WakeupException();
        }
    }

    /** Signals this waiter when {@code future} completes; returns the future. */
    public <T> CompletableFuture<T> watch(CompletableFuture<T> future) {
        future.whenComplete((v, e) -> signal());
        return future;
    }

    /**
     * Blocks until a signal since the last await, a wakeup, or {@code deadlineMs}. Returns at once
     * if a signal is pending.
     */
    public synchronized void await(long deadlineMs) {
        maybeTriggerWakeup();
        try {
            while (!signalled) {
                long left = deadlineMs - time.milliseconds();
                if (left <= 0) {
                    break;
                }
                wait(left);
                maybeTriggerWakeup();
            }
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        }
        signalled = false;
    }

    /** Blocks until {@code future} is done or {@code deadlineMs} passes; returns whether it is done. */
    public boolean awaitDone(CompletableFuture<?> future, long deadlineMs) {
        watch(future);
        while (!future.isDone()) {
            if (time.milliseconds() >= deadlineMs) {
                maybeTriggerWakeup();
                return false;
            }
            await(deadlineMs);
        }
        maybeTriggerWakeup();
        return true;
    }
}
