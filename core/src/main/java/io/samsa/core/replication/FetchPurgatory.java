package io.samsa.core.replication;

import io.samsa.common.TopicPartition;
import io.samsa.core.log.Scheduler;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Fetches that found too little data wait here until an append to one of their partitions gives
 * them enough ({@code min.bytes}) or their {@code max.wait.ms} expires, whichever is first; then
 * they complete exactly once. Expiry runs on the given {@link Scheduler}, which also completes the
 * expired fetches, so tests drive it with a mock clock. Thread-safe.
 */
public final class FetchPurgatory {

    /** A parked fetch: {@code ready} re-checks whether enough data has arrived; {@code complete} answers. */
    private static final class Waiter {
        final Collection<TopicPartition> partitions;
        final BooleanSupplier ready;
        final Runnable complete;
        final AtomicBoolean done = new AtomicBoolean();
        volatile Scheduler.Task expiry;

        Waiter(Collection<TopicPartition> partitions, BooleanSupplier ready, Runnable complete) {
            this.partitions = partitions;
            this.ready = ready;
            this.complete = complete;
        }
    }

    private final Map<TopicPartition, Set<Waiter>> watchers = new ConcurrentHashMap<>();
    private final Scheduler timer;

    public FetchPurgatory(Scheduler timer) {
        this.timer = timer;
    }

    /** Parks a fetch; it completes on the first of: enough data (per {@code ready}) or {@code maxWaitMs}. */
    public void park(Collection<TopicPartition> partitions, long maxWaitMs, BooleanSupplier ready, Runnable complete) {
        Waiter w = new Waiter(partitions, ready, complete);
        for (TopicPartition tp : partitions) {
            watchers.compute(tp, (k, set) -> {
                Set<Waiter> s = set == null ? ConcurrentHashMap.newKeySet() : set;
                s.add(w);
                return s;
            });
        }
        w.expiry = timer.scheduleOnce("fetch-expiry", () -> finish(w), maxWaitMs);
        // Data may have arrived between the handler's read and the registration above.
        if (w.ready.getAsBoolean()) {
            finish(w);
        }
    }

    /** How many fetches are waiting on {@code tp} (Kafka's purgatory size, per partition). */
    public int waiting(TopicPartition tp) {
        Set<Waiter> set = watchers.get(tp);
        return set == null ? 0 : set.size();
    }

    /** Wakes the fetches waiting on {@code tp}. */
    public void onAppend(TopicPartition tp) {
        Set<Waiter> set = watchers.get(tp);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (Waiter w : set) {
            if (!w.done.get() && w.ready.getAsBoolean()) {
                finish(w);
            }
        }
    }

    private void finish(Waiter w) {
        if (!w.done.compareAndSet(false, true)) {
            return;
        }
        Scheduler.Task expiry = w.expiry;
        if (expiry != null) {
            expiry.cancel();
        }
        for (TopicPartition tp : w.partitions) {
            watchers.computeIfPresent(tp, (k, set) -> {
                set.remove(w);
                return set.isEmpty() ? null : set;
            });
        }
        w.complete.run();
    }
}
