package io.samsa.core.network;

import com.codahale.metrics.Meter;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The request handlers' queue, timing how long handler threads wait on it: Kafka's
 * RequestHandlerAvgIdlePercent, a meter marked with each wait in nanoseconds divided by the number
 * of threads, so that its rate per nanosecond is the pool's average idle share (0 to 1). Two clock
 * reads per request, nothing else. Thread-safe, as its superclass.
 */
public final class IdleTimedQueue extends ArrayBlockingQueue<Runnable> {

    private final transient Meter idle;
    private final int threads;

    public IdleTimedQueue(int capacity, int threads, Meter idle) {
        super(capacity);
        this.threads = threads;
        this.idle = idle;
    }

    @Override
    public Runnable take() throws InterruptedException {
        long start = System.nanoTime();
        try {
            return super.take();
        } finally {
            idle.mark((System.nanoTime() - start) / threads);
        }
    }

    @Override
    public Runnable poll(long timeout, TimeUnit unit) throws InterruptedException {
        long start = System.nanoTime();
        try {
            return super.poll(timeout, unit);
        } finally {
            idle.mark((System.nanoTime() - start) / threads);
        }
    }
}
