package io.samsa.systest.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline; tests never sleep to wait for state. */
public final class Wait {

    private Wait() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            // The pause between polls, not a wait for the state itself.
            LockSupport.parkNanos(pause * 1_000_000L);
            if (Thread.interrupted()) {
                throw new AssertionError("Interrupted waiting for " + what);
            }
            pause = Math.min(200, pause * 2);
        }
    }
}
