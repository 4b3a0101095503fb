package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientIoThread;

import java.util.PriorityQueue;

/**
 * Tasks to run on the admin client's I/O thread at a given time: retries after their back-off and
 * calls' deadlines. A {@link ClientIoThread.Participant}, so the I/O thread sleeps no longer than
 * until the next one is due. Not thread-safe: only the I/O thread schedules and runs tasks.
 */
public final class AdminTimers implements ClientIoThread.Participant {

    private record Timer(long dueMs, long seq, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(dueMs, o.dueMs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long seq;

    /** Runs {@code task} at the first turn of the I/O loop at or after {@code dueMs}. */
    public void schedule(long dueMs, Runnable task) {
        timers.add(new Timer(dueMs, seq++, task));
    }

    public int size() {
        return timers.size();
    }

    @Override
    public long poll(long nowMs) {
        Timer head;
        while ((head = timers.peek()) != null && head.dueMs <= nowMs) {
            timers.poll();
            head.task.run();
        }
        return head == null ? Long.MAX_VALUE : head.dueMs - nowMs;
    }
}
