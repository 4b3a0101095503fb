package io.samsa.clients.consumer.internals;

import io.samsa.common.MockTime;
import io.samsa.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationThreadWaiterTest {

    private final MockTime time = new MockTime(5_000);
    private final ApplicationThreadWaiter waiter = new ApplicationThreadWaiter(time);

    @Test
    void aWakeupIsUsedUpByOneBlockingCall() {
        waiter.wakeup();
        assertThrows(WakeupException.class, () -> waiter.await(time.milliseconds() + 1000));
        assertDoesNotThrow(() -> waiter.await(time.milliseconds()), "the wakeup was consumed");
    }

    @Test
    void awaitDoneWithADeadlineOfNowNeverBlocks() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        assertFalse(waiter.awaitDone(pending, time.milliseconds()));
        pending.complete("x");
        assertTrue(waiter.awaitDone(pending, time.milliseconds()));
    }

    @Test
    void aSignalEndsTheWaitAtOnce() {
        waiter.signal();
        // With a mock clock that never moves, only the pending signal can end this wait.
        waiter.await(time.milliseconds() + 60_000);
    }
}
