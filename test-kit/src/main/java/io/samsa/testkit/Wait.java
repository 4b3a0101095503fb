package io.samsa.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a deadline passes: how tests wait for state, never with a
 * bare sleep. A condition that throws (an exception or a failed assertion) counts as not yet true;
 * the last such failure becomes the cause of the timeout. Static; thread-safe.
 */
public final class Wait {

    private Wait() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMs = 5;
        Throwable lastFailure = null;
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException | AssertionError e) {
                ok = false;
                lastFailure = e;
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what, lastFailure);
            }
            // The pause between polls, not a wait for the state itself.
            LockSupport.parkNanos(pauseMs * 1_000_000L);
            if (Thread.interrupted()) {
                throw new AssertionError("Interrupted waiting for " + what);
            }
            pauseMs = Math.min(100, pauseMs * 2);
        }
    }

    /** {@link #until} with a 30 second deadline. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(30), condition);
    }
}
