package io.samsa.common;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. Thread-safe. */
public final class MockTime implements Time {

    private final AtomicLong nanos;
    private final long epochOffsetMs;

    public MockTime() {
        this(1_700_000_000_000L);
    }

    public MockTime(long startMs) {
        this.nanos = new AtomicLong(0);
        this.epochOffsetMs = startMs;
    }

    @Override
    public long milliseconds() {
        return epochOffsetMs + nanos.get() / 1_000_000L;
    }

    @Override
    public long nanoseconds() {
        return nanos.get();
    }

    @Override
    public void sleep(long ms) {
        advance(ms);
    }

    public void advance(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
    }
}
