package io.samsa.tools;

import io.samsa.common.Time;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a sender to about a target rate (things per second), the way Apache Kafka's perf tools
 * do: after each send the caller asks {@link #shouldThrottle} whether the average rate since the
 * start is above the target, and if so calls {@link #throttle}, which adds one period
 * (1 / target seconds) to a sleep debt and pays the debt off in sleeps of at least 2 ms. A
 * negative target never throttles. Not thread-safe: the sending thread owns it.
 */
public final class ThroughputThrottle {

    private static final long MIN_SLEEP_NS = 2_000_000L;

    private final Time time;
    private final double target;
    private final long startMs;
    private final long periodNs;
    private long debtNs;

    /**
     * @param target  things per second; negative for no limit
     * @param startMs when the first thing was sent, on {@code time}'s wall clock
     * @throws IllegalArgumentException for a target of zero (it would never send)
     */
    public ThroughputThrottle(double target, long startMs, Time time) {
        if (target == 0 || Double.isNaN(target)) {
            throw new IllegalArgumentException("A throughput of " + target + " would never send; use -1 for no limit");
        }
        this.time = time;
        this.target = target;
        this.startMs = startMs;
        this.periodNs = target > 0 ? (long) (1_000_000_000L / target) : Long.MAX_VALUE;
    }

    /** Whether {@code sentSoFar} things by {@code nowMs} are ahead of the target rate. */
    public boolean shouldThrottle(long sentSoFar, long nowMs) {
        if (target < 0) {
            return false;
        }
        double elapsedSec = (nowMs - startMs) / 1000.0;
        return elapsedSec > 0 && sentSoFar / elapsedSec > target;
    }

    /** Adds one period to the sleep debt and sleeps it off once it reaches 2 ms. */
    public void throttle() {
        debtNs += periodNs;
        if (debtNs < MIN_SLEEP_NS) {
            return;
        }
        long start = time.nanoseconds();
        long remaining = debtNs;
        while (remaining > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(remaining);
            remaining = debtNs - (time.nanoseconds() - start);
        }
        debtNs = 0;
    }

    /** The sleep debt not yet slept off, in nanoseconds. */
    long debtNanos() {
        return debtNs;
    }
}
