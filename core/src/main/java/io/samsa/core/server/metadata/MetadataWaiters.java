package io.samsa.core.server.metadata;

import io.samsa.core.log.Scheduler;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Requests that answer only once the metadata cache shows their effect (CreateTopics waits for
 * leaders, DeleteTopics for the topic to vanish) wait here: each waiter completes once, with
 * {@code true} when its condition holds after some cache update, or {@code false} at its
 * deadline. Deadlines run on the given {@link Scheduler}, so tests drive them with a mock clock.
 * Thread-safe.
 */
public final class MetadataWaiters {

    private final class Waiter {
        final Predicate<MetadataCache.Snapshot> condition;
        final Consumer<Boolean> done;
        final AtomicBoolean finished = new AtomicBoolean();
        volatile Scheduler.Task timeout;

        Waiter(Predicate<MetadataCache.Snapshot> condition, Consumer<Boolean> done) {
            this.condition = condition;
            this.done = done;
        }

        void finish(boolean satisfied) {
            if (finished.compareAndSet(false, true)) {
                waiters.remove(this);
                Scheduler.Task t = timeout;
                if (t != null) {
                    t.cancel();
                }
                done.accept(satisfied);
            }
        }
    }

    private final MetadataCache cache;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final Scheduler timer;

    public MetadataWaiters(MetadataCache cache, Scheduler timer) {
        this.cache = cache;
        this.timer = timer;
        cache.addListener(this::onUpdate);
    }

    public void await(Predicate<MetadataCache.Snapshot> condition, long timeoutMs, Consumer<Boolean> done) {
        Waiter w = new Waiter(condition, done);
        waiters.add(w);
        w.timeout = timer.scheduleOnce("metadata-wait-deadline", () -> w.finish(condition.test(cache.snapshot())), Math.max(0, timeoutMs));
        if (condition.test(cache.snapshot())) {
            w.finish(true);
        }
    }

    /** The cache's current state, for a waiter's answer. */
    public MetadataCache.Snapshot snapshot() {
        return cache.snapshot();
    }

    private void onUpdate() {
        MetadataCache.Snapshot snap = cache.snapshot();
        for (Waiter w : waiters) {
            if (w.condition.test(snap)) {
                w.finish(true);
            }
        }
    }
}
