package io.samsa.core.server.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.common.MockTime;
import io.samsa.core.log.MockScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Metadata waiters on a mock clock: a waiter completes once, true on a matching update, false at its deadline. */
class MetadataWaitersTest {

    private final MockTime time = new MockTime();
    private final MockScheduler scheduler = new MockScheduler(time);
    private final MetadataCache cache = new MetadataCache();
    private final MetadataWaiters waiters = new MetadataWaiters(cache, scheduler);
    private final List<Boolean> results = new ArrayList<>();

    @Test
    void aWaiterCompletesFalseAtItsDeadline() {
        waiters.await(snap -> snap.controllerId() == 7, 1000, results::add);
        time.advance(999);
        scheduler.tick();
        assertEquals(List.of(), results);
        time.advance(1);
        scheduler.tick();
        assertEquals(List.of(false), results);
    }

    @Test
    void anUpdateThatSatisfiesItCompletesItTrueOnce() {
        waiters.await(snap -> snap.controllerId() == 7, 1000, results::add);
        cache.update(3, 1, List.of(), Map.of(), Map.of());
        assertEquals(List.of(), results);
        cache.update(7, 2, List.of(), Map.of(), Map.of());
        time.advance(5000);
        scheduler.tick();
        assertEquals(List.of(true), results);
    }
}
