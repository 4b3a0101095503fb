package io.samsa.core.timer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One bucket of a timing wheel: the tasks due in one tick span, as a circular doubly linked list
 * around a sentinel, and the time the bucket is due (-1 while it is empty of a schedule). Thread-safe.
 */
final class TimerTaskList {

    private final AtomicInteger taskCounter;
    private final TimerTaskEntry root = new TimerTaskEntry(null, -1);
    private final AtomicLong expiration = new AtomicLong(-1L);

    TimerTaskList(AtomicInteger taskCounter) {
        this.taskCounter = taskCounter;
        root.next = root;
        root.prev = root;
    }

    /** Sets when the bucket is due; true when that changed, so the bucket must be scheduled again. */
    boolean setExpiration(long expirationMs) {
        return expiration.getAndSet(expirationMs) != expirationMs;
    }

    long expiration() {
        return expiration.get();
    }

    void add(TimerTaskEntry entry) {
        boolean done = false;
        while (!done) {
            // Out of any other bucket first, without holding this one's lock (no lock order to keep).
            entry.remove();
            synchronized (this) {
                synchronized (entry) {
                    if (entry.list == null) {
                        TimerTaskEntry tail = root.prev;
                        entry.next = root;
                        entry.prev = tail;
                        entry.list = this;
                        tail.next = entry;
                        root.prev = entry;
                        taskCounter.incrementAndGet();
                        done = true;
                    }
                }
            }
        }
    }

    synchronized void remove(TimerTaskEntry entry) {
        synchronized (entry) {
            if (entry.list == this) {
                entry.next.prev = entry.prev;
                entry.prev.next = entry.next;
                entry.next = null;
                entry.prev = null;
                entry.list = null;
                taskCounter.decrementAndGet();
            }
        }
    }

    /** Empties the bucket, handing every entry to {@code action}, and unschedules it. */
    synchronized void flush(Consumer<TimerTaskEntry> action) {
        TimerTaskEntry head = root.next;
        while (head != root) {
            remove(head);
            action.accept(head);
            head = root.next;
        }
        expiration.set(-1L);
    }
}
