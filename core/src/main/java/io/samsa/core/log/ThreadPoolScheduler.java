package io.samsa.core.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} on a pool of named daemon threads ({@code <prefix>-<n>}). Pending tasks are
 * dropped on shutdown, which waits for running ones. Thread-safe.
 */
public final class ThreadPoolScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    public ThreadPoolScheduler(int threads, String threadNamePrefix) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(threads, r -> {
            Thread t = new Thread(r, threadNamePrefix + "-" + counter.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public Task schedule(String name, Runnable task, long delayMs, long periodMs) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (Throwable t) {
                LOG.error("Uncaught error in scheduled task {}", name, t);
            }
        };
        ScheduledFuture<?> future = periodMs > 0
                ? executor.scheduleAtFixedRate(guarded, Math.max(0, delayMs), periodMs, TimeUnit.MILLISECONDS)
                : executor.schedule(guarded, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            LOG.warn("Scheduler tasks still running after one minute");
        }
    }
}
