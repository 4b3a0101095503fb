package io.samsa.core.purgatory;

import io.samsa.core.timer.Timer;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where delayed operations wait (Kafka's purgatory): each is watched under the keys it depends on
 * (partitions), checked again by {@link #checkAndComplete} when one of them changes, and expired by
 * a {@link Timer}. An operation completed through one key stays listed under its others until
 * a check or a periodic purge drops it. Thread-safe.
 *
 * @param <K> what operations wait on, e.g. a partition
 * @param <T> the operations
 */
public final class DelayedOperationPurgatory<K, T extends DelayedOperation> {

    private final String name;
    private final Timer timer;
    private final int purgeInterval;
    private final Map<K, ConcurrentLinkedQueue<T>> watchers = new ConcurrentHashMap<>();
    /** Operations added to watch lists since the last purge, completed or not; drives the purge. */
    private final AtomicInteger watchedSincePurge = new AtomicInteger();

    /**
     * @param purgeInterval how many watch-list additions may pile up before completed operations
     *                      are swept from every list (Kafka's {@code *.purgatory.purge.interval.requests})
     */
    public DelayedOperationPurgatory(String name, Timer timer, int purgeInterval) {
        this.name = name;
        this.timer = timer;
        this.purgeInterval = purgeInterval;
    }

    public String name() {
        return name;
    }

    /**
     * Completes {@code op} now if its condition holds; otherwise watches it under {@code keys} and
     * starts its timer. The condition is checked once more after the watches are in place, so an
     * update that raced with the first check is not missed.
     *
     * @return whether the operation completed within this call
     */
    public boolean tryCompleteElseWatch(T op, Collection<K> keys) {
        if (op.safeTryComplete()) {
            return true;
        }
        for (K key : keys) {
            if (op.isCompleted()) {
                return false;
            }
            // compute() holds the key's bin lock, so a list is never dropped as empty while an op joins it.
            watchers.compute(key, (k, list) -> {
                ConcurrentLinkedQueue<T> l = list == null ? new ConcurrentLinkedQueue<>() : list;
                l.add(op);
                return l;
            });
        }
        if (watchedSincePurge.addAndGet(keys.size()) >= purgeInterval) {
            purgeCompleted();
        }
        if (op.safeTryComplete()) {
            return true;
        }
        if (!op.isCompleted()) {
            timer.add(op);
            if (op.isCompleted()) {
                op.cancel();
            }
        }
        return false;
    }

    /** Checks the operations watching {@code key}; returns how many completed. */
    public int checkAndComplete(K key) {
        ConcurrentLinkedQueue<T> list = watchers.get(key);
        if (list == null) {
            return 0;
        }
        int done = 0;
        for (Iterator<T> it = list.iterator(); it.hasNext(); ) {
            T op = it.next();
            if (op.isCompleted()) {
                it.remove();
            } else if (op.safeTryComplete()) {
                it.remove();
                done++;
            }
        }
        removeIfEmpty(key);
        return done;
    }

    /** Operations watched under {@code key} that have not completed (a purgatory size, per key). */
    public int watching(K key) {
        ConcurrentLinkedQueue<T> list = watchers.get(key);
        if (list == null) {
            return 0;
        }
        int n = 0;
        for (T op : list) {
            if (!op.isCompleted()) {
                n++;
            }
        }
        return n;
    }

    /** Entries in {@code key}'s watch list, completed operations not yet swept included (for tests). */
    int watchListSize(K key) {
        ConcurrentLinkedQueue<T> list = watchers.get(key);
        return list == null ? 0 : list.size();
    }

    /** Entries in all watch lists (Kafka's PurgatorySize): an operation counts once per key, completed ones until swept. */
    public int watched() {
        int n = 0;
        for (ConcurrentLinkedQueue<T> list : watchers.values()) {
            n += list.size();
        }
        return n;
    }

    /** Operations waiting for their timer (each counted once, however many keys it watches). */
    public int delayed() {
        return timer.size();
    }

    private void removeIfEmpty(K key) {
        watchers.computeIfPresent(key, (k, list) -> list.isEmpty() ? null : list);
    }

    private void purgeCompleted() {
        watchedSincePurge.set(0);
        for (Map.Entry<K, ConcurrentLinkedQueue<T>> e : watchers.entrySet()) {
            ConcurrentLinkedQueue<T> list = e.getValue();
            list.removeIf(DelayedOperation::isCompleted);
            removeIfEmpty(e.getKey());
        }
    }
}
