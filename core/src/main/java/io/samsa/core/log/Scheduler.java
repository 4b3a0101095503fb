package io.samsa.core.log;

/**
 * Runs the log's background work (retention, checkpoints, flushes, delayed file deletion) later
 * or periodically. Production uses {@link ThreadPoolScheduler}; tests drive a mock by the clock.
 * Implementations are thread-safe.
 */
public interface Scheduler {

    /** A scheduled task, which may be cancelled. */
    interface Task {
        void cancel();
    }

    /**
     * Runs {@code task} after {@code delayMs}, then every {@code periodMs} if it is positive. A
     * task that throws is logged and, if periodic, keeps its schedule.
     */
    Task schedule(String name, Runnable task, long delayMs, long periodMs);

    default Task scheduleOnce(String name, Runnable task, long delayMs) {
        return schedule(name, task, delayMs, -1L);
    }

    /** Stops running tasks; waits for a running one to finish. */
    void shutdown() throws InterruptedException;
}
