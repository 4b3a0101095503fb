package io.samsa.tools;

import io.samsa.common.MockTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThroughputThrottleTest {

    private final MockTime time = new MockTime(0);

    @Test
    void aNegativeTargetNeverThrottles() {
        ThroughputThrottle t = new ThroughputThrottle(-1, 0, time);
        assertFalse(t.shouldThrottle(1_000_000_000L, 1));
    }

    @Test
    void throttlesOnlyWhenAheadOfTheAverageRate() {
        ThroughputThrottle t = new ThroughputThrottle(1000, 0, time);
        assertFalse(t.shouldThrottle(5, 0), "no time has passed yet");
        assertFalse(t.shouldThrottle(999, 1000));
        assertTrue(t.shouldThrottle(1001, 1000));
    }

    @Test
    void debtBelowTwoMillisecondsIsCarriedNotSlept() {
        ThroughputThrottle t = new ThroughputThrottle(1000, 0, time);
        t.throttle();
        assertEquals(1_000_000L, t.debtNanos());
    }

    @Test
    void zeroWouldNeverSend() {
        assertThrows(IllegalArgumentException.class, () -> new ThroughputThrottle(0, 0, time));
    }
}
