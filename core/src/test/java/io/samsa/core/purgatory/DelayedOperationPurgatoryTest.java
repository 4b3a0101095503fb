package io.samsa.core.purgatory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.MockTime;
import io.samsa.core.log.MockScheduler;
import io.samsa.core.timer.Timer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The purgatory on a mock clock: completion by condition, by key check, by timeout, and exactly once. */
class DelayedOperationPurgatoryTest {

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final DelayedOperationPurgatory<String, Op> purgatory =
            new DelayedOperationPurgatory<>("test", new Timer("test", time, scheduler), 10);

    /** Completes when {@code ready} is set. */
    private static final class Op extends DelayedOperation {
        final AtomicBoolean ready = new AtomicBoolean();
        final AtomicInteger completions = new AtomicInteger();
        final AtomicInteger expirations = new AtomicInteger();

        Op(long delayMs) {
            super(delayMs);
        }

        @Override
        public boolean tryComplete() {
            return ready.get() && forceComplete();
        }

        @Override
        protected void onComplete() {
            completions.incrementAndGet();
        }

        @Override
        protected void onExpiration() {
            expirations.incrementAndGet();
        }
    }

    @Test
    void anOperationWhoseConditionHoldsCompletesWithoutWaiting() {
        Op op = new Op(1000);
        op.ready.set(true);
        assertTrue(purgatory.tryCompleteElseWatch(op, List.of("a")));
        assertEquals(1, op.completions.get());
        assertEquals(0, purgatory.watching("a"));
        assertEquals(0, purgatory.delayed());
    }

    @Test
    void aWatchedOperationCompletesWhenAKeyItWatchesIsChecked() {
        Op op = new Op(1000);
        assertFalse(purgatory.tryCompleteElseWatch(op, List.of("a", "b")));
        assertEquals(1, purgatory.watching("a"));
        assertEquals(1, purgatory.delayed());
        assertEquals(0, purgatory.checkAndComplete("a"));
        op.ready.set(true);
        assertEquals(0, purgatory.checkAndComplete("c"));
        assertEquals(1, purgatory.checkAndComplete("b"));
        assertEquals(0, purgatory.checkAndComplete("a"), "already complete");
        assertEquals(1, op.completions.get());
        assertEquals(0, op.expirations.get());
        assertEquals(0, purgatory.delayed(), "its timer entry is cancelled");
    }

    @Test
    void anOperationNotCompletedInTimeExpires() {
        Op op = new Op(500);
        purgatory.tryCompleteElseWatch(op, List.of("a"));
        time.advance(499);
        scheduler.tick();
        assertEquals(0, op.completions.get());
        time.advance(1);
        scheduler.tick();
        assertEquals(1, op.completions.get());
        assertEquals(1, op.expirations.get());
        op.ready.set(true);
        purgatory.checkAndComplete("a");
        assertEquals(1, op.completions.get(), "completes once");
        assertEquals(0, purgatory.watching("a"));
    }

    @Test
    void completedOperationsArePurgedFromTheirOtherKeys() {
        for (int i = 0; i < 12; i++) {
            Op op = new Op(1000);
            purgatory.tryCompleteElseWatch(op, List.of("shared", "own-" + i));
            op.forceComplete();
        }
        // Completing through another route leaves them listed; every 10 additions sweep them out.
        assertEquals(0, purgatory.watching("shared"));
        assertTrue(purgatory.watchListSize("shared") < 12, "swept: " + purgatory.watchListSize("shared") + " left");
        assertEquals(0, purgatory.watchListSize("own-0"));
        assertEquals(0, purgatory.delayed());
    }

    @Test
    void racingChecksCompleteAnOperationExactlyOnce() throws Exception {
        Op op = new Op(60_000);
        purgatory.tryCompleteElseWatch(op, List.of("a"));
        op.ready.set(true);
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                purgatory.checkAndComplete("a");
                op.forceComplete();
            });
            threads[i].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, op.completions.get());
    }
}
