package io.samsa.core.coordinator.group;

import io.samsa.common.MockTime;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * A {@link CoordinatorScheduler} for tests: tasks run on the calling thread, one after another
 * (never nested), and timers fire only when the test moves the mock clock with {@link #advance}.
 * Not thread-safe: one test thread drives it.
 */
final class ManualScheduler implements CoordinatorScheduler {

    private static final class Timer implements Cancellable, Comparable<Timer> {
        final long deadlineMs;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Timer(long deadlineMs, long seq, Runnable task) {
            this.deadlineMs = deadlineMs;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadlineMs, o.deadlineMs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final MockTime time;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long seq;
    private boolean draining;

    ManualScheduler(MockTime time) {
        this.time = time;
    }

    MockTime time() {
        return time;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        drain();
    }

    @Override
    public Cancellable schedule(long delayMs, Runnable task) {
        Timer t = new Timer(time.milliseconds() + Math.max(0, delayMs), seq++, task);
        timers.add(t);
        return t;
    }

    /** Moves the clock forward by {@code ms}, firing every timer that falls due on the way, in order. */
    void advance(long ms) {
        long target = time.milliseconds() + ms;
        while (true) {
            Timer next = nextLiveTimer();
            if (next == null || next.deadlineMs > target) {
                break;
            }
            if (next.deadlineMs > time.milliseconds()) {
                time.advance(next.deadlineMs - time.milliseconds());
            }
            drain();
        }
        if (target > time.milliseconds()) {
            time.advance(target - time.milliseconds());
        }
        drain();
    }

    /** Runs queued tasks and due timers until none is left. */
    void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (true) {
                Runnable task = queue.poll();
                if (task != null) {
                    task.run();
                    continue;
                }
                Timer t = nextLiveTimer();
                if (t != null && t.deadlineMs <= time.milliseconds()) {
                    timers.poll();
                    t.task.run();
                    continue;
                }
                return;
            }
        } finally {
            draining = false;
        }
    }

    private Timer nextLiveTimer() {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        return timers.peek();
    }
}
