package io.samsa.core.timer;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A hierarchical timing wheel (Varghese and Lauck; Kafka's purgatory timer): {@code wheelSize}
 * buckets of {@code tickMs} each cover one interval from the wheel's current time; a task due
 * later goes to an overflow wheel whose tick is this wheel's whole interval, created when first
 * needed. Adding and removing are O(1); a bucket is handed to {@code scheduleBucket} when it gets
 * a new due time, and the owner advances the clock as buckets fall due, which moves the tasks of
 * coarse buckets into finer ones. Thread-safe under the owner's lock discipline ({@link Timer}).
 */
final class TimingWheel {

    private final long tickMs;
    private final int wheelSize;
    private final long interval;
    private final AtomicInteger taskCounter;
    private final Consumer<TimerTaskList> scheduleBucket;
    private final TimerTaskList[] buckets;
    private long currentTimeMs;
    private volatile TimingWheel overflowWheel;

    TimingWheel(long tickMs, int wheelSize, long startMs, AtomicInteger taskCounter, Consumer<TimerTaskList> scheduleBucket) {
        this.tickMs = tickMs;
        this.wheelSize = wheelSize;
        this.interval = tickMs * wheelSize;
        this.taskCounter = taskCounter;
        this.scheduleBucket = scheduleBucket;
        this.buckets = new TimerTaskList[wheelSize];
        for (int i = 0; i < wheelSize; i++) {
            buckets[i] = new TimerTaskList(taskCounter);
        }
        this.currentTimeMs = startMs - (startMs % tickMs);
    }

    /** Places the entry; false when it is cancelled or already due, so the caller runs or drops it. */
    boolean add(TimerTaskEntry entry) {
        long expiration = entry.expirationMs;
        if (entry.cancelled()) {
            return false;
        }
        if (expiration < currentTimeMs + tickMs) {
            return false;
        }
        if (expiration < currentTimeMs + interval) {
            long virtualId = expiration / tickMs;
            TimerTaskList bucket = buckets[(int) (virtualId % wheelSize)];
            bucket.add(entry);
            if (bucket.setExpiration(virtualId * tickMs)) {
                scheduleBucket.accept(bucket);
            }
            return true;
        }
        return overflow().add(entry);
    }

    private TimingWheel overflow() {
        TimingWheel o = overflowWheel;
        if (o == null) {
            synchronized (this) {
                o = overflowWheel;
                if (o == null) {
                    o = new TimingWheel(interval, wheelSize, currentTimeMs, taskCounter, scheduleBucket);
                    overflowWheel = o;
                }
            }
        }
        return o;
    }

    /** Moves the wheel's current time (and its overflow wheels') to {@code timeMs}, rounded down to a tick. */
    void advanceClock(long timeMs) {
        if (timeMs >= currentTimeMs + tickMs) {
            currentTimeMs = timeMs - (timeMs % tickMs);
            TimingWheel o = overflowWheel;
            if (o != null) {
                o.advanceClock(currentTimeMs);
            }
        }
    }
}
