package io.samsa.core.controller;

import io.samsa.common.Time;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's single event thread and its queue: every change to the controller's state
 * happens on this thread, one event at a time, in arrival order (Kafka's ZooKeeper-era design).
 * {@link #put} is thread-safe; processing is not re-entrant.
 */
final class ControllerEventManager {

    private static final Logger log = LoggerFactory.getLogger(ControllerEventManager.class);
    /** Events slower than this are logged: they delay every event behind them. */
    private static final long SLOW_EVENT_MS = 5_000;

    /** Queued to stop the thread. */
    private static final ControllerEvent STOP = new ControllerEvent() {
    };

    private final BlockingQueue<ControllerEvent> queue = new LinkedBlockingQueue<>();
    private final Consumer<ControllerEvent> processor;
    private final Time time;
    private final Thread thread;

    ControllerEventManager(String threadName, Consumer<ControllerEvent> processor, Time time) {
        this.processor = processor;
        this.time = time;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void put(ControllerEvent event) {
        queue.add(event);
    }

    boolean isEventThread() {
        return Thread.currentThread() == thread;
    }

    /** Processes what is already queued, then stops the thread. */
    void close() {
        if (!thread.isAlive()) {
            return;
        }
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            ControllerEvent event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (event == STOP) {
                return;
            }
            long start = time.hiResClockMs();
            try {
                processor.accept(event);
            } catch (Throwable t) {
                log.error("Controller event {} failed", event, t);
            }
            long took = time.hiResClockMs() - start;
            if (took > SLOW_EVENT_MS) {
                log.warn("Controller event {} took {} ms", event, took);
            }
        }
    }
}
