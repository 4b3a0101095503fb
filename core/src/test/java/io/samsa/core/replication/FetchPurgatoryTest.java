package io.samsa.core.replication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.core.log.MockScheduler;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fetch purgatory on a mock clock: no test here waits for real time. */
class FetchPurgatoryTest {

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final FetchPurgatory purgatory = new FetchPurgatory(scheduler);
    private final TopicPartition tp = new TopicPartition("t", 0);
    private final AtomicBoolean enough = new AtomicBoolean();
    private final AtomicInteger completed = new AtomicInteger();

    private void park(long maxWaitMs) {
        purgatory.park(List.of(tp), maxWaitMs, enough::get, completed::incrementAndGet);
    }

    @Test
    void aFetchCompletesAtItsMaxWaitAndNotBefore() {
        park(500);
        time.advance(499);
        scheduler.tick();
        assertEquals(0, completed.get());
        assertEquals(1, purgatory.waiting(tp));
        time.advance(1);
        scheduler.tick();
        assertEquals(1, completed.get());
        assertEquals(0, purgatory.waiting(tp));
    }

    @Test
    void anAppendThatGivesEnoughDataCompletesItOnceAndCancelsTheDeadline() {
        park(500);
        purgatory.onAppend(tp);
        assertEquals(0, completed.get(), "not enough data yet");
        enough.set(true);
        purgatory.onAppend(tp);
        purgatory.onAppend(tp);
        assertEquals(1, completed.get());
        time.advance(1000);
        scheduler.tick();
        assertEquals(1, completed.get(), "the deadline does not complete it again");
        assertEquals(0, purgatory.waiting(tp));
    }

    @Test
    void dataThatArrivedBeforeParkingCompletesAtOnce() {
        enough.set(true);
        park(500);
        assertEquals(1, completed.get());
        assertEquals(0, purgatory.waiting(tp));
    }

    @Test
    void anAppendToAnotherPartitionDoesNotWakeIt() {
        park(500);
        enough.set(true);
        purgatory.onAppend(new TopicPartition("t", 1));
        assertEquals(0, completed.get());
    }
}
