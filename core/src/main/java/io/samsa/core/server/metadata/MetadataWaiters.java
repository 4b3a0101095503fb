package io.samsa.core.server.metadata;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Requests that answer only once the metadata cache shows their effect (CreateTopics waits for
 * leaders, DeleteTopics for the topic to vanish) wait here: each waiter completes once, with
 * {@code true} when its condition holds after some cache update, or {@code false} at its
 * deadline. Thread-safe.
 */
public final class MetadataWaiters implements AutoCloseable {

    private final class Waiter {
        final Predicate<MetadataCache.Snapshot> condition;
        final Consumer<Boolean> done;
        final AtomicBoolean finished = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        Waiter(Predicate<MetadataCache.Snapshot> condition, Consumer<Boolean> done) {
            this.condition = condition;
            this.done = done;
        }

        void finish(boolean satisfied) {
            if (finished.compareAndSet(false, true)) {
                waiters.remove(this);
                ScheduledFuture<?> t = timeout;
                if (t != null) {
                    t.cancel(false);
                }
                done.accept(satisfied);
            }
        }
    }

    private final MetadataCache cache;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    public MetadataWaiters(MetadataCache cache) {
        this.cache = cache;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "samsa-metadata-waiters");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.timer = t;
        cache.addListener(this::onUpdate);
    }

    public void await(Predicate<MetadataCache.Snapshot> condition, long timeoutMs, Consumer<Boolean> done) {
        Waiter w = new Waiter(condition, done);
        waiters.add(w);
        w.timeout = timer.schedule(() -> w.finish(condition.test(cache.snapshot())), Math.max(0, timeoutMs), TimeUnit.MILLISECONDS);
        if (condition.test(cache.snapshot())) {
            w.finish(true);
        }
    }

    private void onUpdate() {
        MetadataCache.Snapshot snap = cache.snapshot();
        for (Waiter w : waiters) {
            if (w.condition.test(snap)) {
                w.finish(true);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
