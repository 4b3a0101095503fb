package io.samsa.common;

/**
 * The only source of time in Samsa. Production code uses {@link #SYSTEM}; tests use
 * {@link MockTime} so that timeouts and state machines can be driven without sleeping.
 */
public interface Time {

    Time SYSTEM = new SystemTime();

    /** Wall-clock milliseconds since the epoch, for timestamps that leave the process. */
    long milliseconds();

    /** Monotonic nanoseconds, for measuring intervals. */
    long nanoseconds();

    /** Sleeps for real (or advances the mock clock). Not for waiting on state. */
    void sleep(long ms);

    default long hiResClockMs() {
        return nanoseconds() / 1_000_000L;
    }
}
