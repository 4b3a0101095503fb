package io.samsa.core.timer;

import io.samsa.common.Time;
import io.samsa.core.log.Scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs {@link TimerTask}s when their delay has passed, on a hierarchical {@link TimingWheel} with
 * 1 ms ticks: adding and cancelling cost O(1) however many tasks wait, which is what a purgatory of
 * thousands of parked requests needs. The clock advances only when the earliest bucket falls due:
 * the timer asks its {@link Scheduler} for exactly that wake-up (no polling thread), so with a mock
 * scheduler and clock tests drive it deterministically. Due tasks run on the scheduler's thread.
 * Thread-safe.
 */
public final class Timer {

    private static final long TICK_MS = 1;
    private static final int WHEEL_SIZE = 20;

    private final String name;
    private final Time time;
    private final Scheduler scheduler;
    private final AtomicInteger taskCounter = new AtomicInteger();
    private final PriorityBlockingQueue<TimerTaskList> dueBuckets =
            new PriorityBlockingQueue<>(64, Comparator.comparingLong(TimerTaskList::expiration));
    private final TimingWheel wheel;
    /** Adds share the read lock; advancing the clock takes the write lock so no add lands in a bucket being flushed. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** The earliest wake-up asked of the scheduler and not yet run; guarded by this. */
    private long nextWakeupMs = Long.MAX_VALUE;

    public Timer(String name, Time time, Scheduler scheduler) {
        this.name = name;
        this.time = time;
        this.scheduler = scheduler;
        this.wheel = new TimingWheel(TICK_MS, WHEEL_SIZE, time.milliseconds(), taskCounter, dueBuckets::offer);
    }

    /** Runs {@code task} after its delay, unless it is cancelled first. */
    public void add(TimerTask task) {
        List<TimerTask> due = new ArrayList<>(0);
        lock.readLock().lock();
        try {
            place(new TimerTaskEntry(task, time.milliseconds() + task.delayMs()), due);
        } finally {
            lock.readLock().unlock();
        }
        for (TimerTask t : due) {
            scheduler.scheduleOnce(name + "-due", t, 0);
        }
        wakeUpForEarliestBucket();
    }

    /** How many tasks wait. */
    public int size() {
        return taskCounter.get();
    }

    private void place(TimerTaskEntry entry, List<TimerTask> due) {
        if (!wheel.add(entry) && !entry.cancelled()) {
            due.add(entry.task);
        }
    }

    /** Runs on the scheduler: moves the clock past every bucket now due and runs what expired. */
    private void advance() {
        synchronized (this) {
            nextWakeupMs = Long.MAX_VALUE;
        }
        List<TimerTask> due = new ArrayList<>();
        lock.writeLock().lock();
        try {
            long now = time.milliseconds();
            TimerTaskList bucket = dueBuckets.peek();
            while (bucket != null && bucket.expiration() <= now) {
                dueBuckets.poll();
                wheel.advanceClock(bucket.expiration());
                bucket.flush(entry -> place(entry, due));
                bucket = dueBuckets.peek();
            }
        } finally {
            lock.writeLock().unlock();
        }
        for (TimerTask t : due) {
            t.run();
        }
        wakeUpForEarliestBucket();
    }

    private void wakeUpForEarliestBucket() {
        TimerTaskList head = dueBuckets.peek();
        if (head == null) {
            return;
        }
        long at = head.expiration();
        if (at < 0) {
            return;
        }
        synchronized (this) {
            if (at >= nextWakeupMs) {
                return;
            }
            nextWakeupMs = at;
        }
        scheduler.scheduleOnce(name + "-tick", this::advance, Math.max(0, at - time.milliseconds()));
    }
}
