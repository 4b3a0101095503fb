package io.samsa.core.log;

import io.samsa.common.MockTime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** A scheduler that runs due tasks only when {@link #tick()} is called, by the mock clock. */
public final class MockScheduler implements Scheduler {

    private final class Entry implements Task {
        final String name;
        final Runnable task;
        final long periodMs;
        final long seq;
        long nextRunMs;
        boolean cancelled;

        Entry(String name, Runnable task, long nextRunMs, long periodMs, long seq) {
            this.name = name;
            this.task = task;
            this.nextRunMs = nextRunMs;
            this.periodMs = periodMs;
            this.seq = seq;
        }

        @Override
        public void cancel() {
            synchronized (MockScheduler.this) {
                cancelled = true;
                queue.remove(this);
            }
        }
    }

    private final MockTime time;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.<Entry>comparingLong(e -> e.nextRunMs).thenComparingLong(e -> e.seq));
    private long seq;

    public MockScheduler(MockTime time) {
        this.time = time;
    }

    @Override
    public synchronized Task schedule(String name, Runnable task, long delayMs, long periodMs) {
        Entry e = new Entry(name, task, time.milliseconds() + delayMs, periodMs, seq++);
        queue.add(e);
        return e;
    }

    /** Runs every task that is due, including periodic re-runs that fall due. */
    public void tick() {
        while (true) {
            Entry due;
            synchronized (this) {
                due = queue.peek();
                if (due == null || due.nextRunMs > time.milliseconds()) {
                    return;
                }
                queue.poll();
            }
            due.task.run();
            synchronized (this) {
                if (due.periodMs > 0 && !due.cancelled) {
                    due.nextRunMs += due.periodMs;
                    queue.add(due);
                }
            }
        }
    }

    synchronized List<String> pendingNames() {
        List<String> names = new ArrayList<>();
        queue.forEach(e -> names.add(e.name));
        return names;
    }

    @Override
    public synchronized void shutdown() {
        queue.clear();
    }
}
