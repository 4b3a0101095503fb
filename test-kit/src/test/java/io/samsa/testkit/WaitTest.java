package io.samsa.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        Wait.until("three polls", Duration.ofSeconds(10), () -> polls.incrementAndGet() >= 3);
        assertTrue(polls.get() >= 3);
    }

    @Test
    void aConditionThatThrowsIsNotYetTrue() {
        AtomicInteger polls = new AtomicInteger();
        Wait.until("no more exceptions", Duration.ofSeconds(10), () -> {
            if (polls.incrementAndGet() < 2) {
                throw new IllegalStateException("not yet");
            }
            return true;
        });
    }

    @Test
    void aFailedAssertionIsNotYetTrueAndBecomesTheCauseOfTheTimeout() {
        AssertionError e = assertThrows(AssertionError.class, () -> Wait.until("a value", Duration.ofMillis(30), () -> {
            throw new AssertionError("still 3");
        }));
        assertTrue(e.getCause() != null && e.getCause().getMessage().equals("still 3"), String.valueOf(e.getCause()));
    }

    @Test
    void failsNamingWhatItWaitedFor() {
        AssertionError e = assertThrows(AssertionError.class, () -> Wait.until("the impossible", Duration.ofMillis(30), () -> false));
        assertTrue(e.getMessage().contains("the impossible"), e.getMessage());
    }
}
