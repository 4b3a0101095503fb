package io.samsa.clients.internals;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Kafka's back-off between attempts: {@code initial * 2^(attempts-1)}, capped at {@code max}, with
 * ±20% jitter so clients that failed together do not retry together. Immutable.
 */
public final class ExponentialBackoff {

    private static final double JITTER = 0.2;

    private final long initialMs;
    private final long maxMs;

    public ExponentialBackoff(long initialMs, long maxMs) {
        this.initialMs = Math.max(0, initialMs);
        this.maxMs = Math.max(this.initialMs, maxMs);
    }

    /** The wait after {@code attempts} consecutive failures (0 when none failed). */
    public long backoffMs(int attempts) {
        if (attempts <= 0 || initialMs == 0) {
            return 0;
        }
        double exp = initialMs * Math.pow(2, Math.min(attempts - 1, 30));
        double capped = Math.min(exp, maxMs);
        double jitter = capped * JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(0, Math.round(capped + jitter));
    }
}
