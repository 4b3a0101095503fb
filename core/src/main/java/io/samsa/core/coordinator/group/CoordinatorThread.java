package io.samsa.core.coordinator.group;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link CoordinatorScheduler} on one daemon thread: commands and timers share the thread, so
 * they are serialized. A task that throws is logged and does not stop the thread. Thread-safe.
 */
public final class CoordinatorThread implements CoordinatorScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorThread.class);

    private final ScheduledThreadPoolExecutor executor;

    public CoordinatorThread(String name) {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> runSafely(task));
        } catch (RejectedExecutionException e) {
            log.debug("Group coordinator stopped; dropping a task");
        }
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(() -> runSafely(task), Math.max(0, delayMs), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("Uncaught error in the group coordinator", e);
        }
    }

    /** Runs the tasks already queued (timers are dropped), then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
