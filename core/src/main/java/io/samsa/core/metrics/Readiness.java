package io.samsa.core.metrics;

/**
 * Whether a broker should be sent traffic ({@code /health/ready}), and if not, why, in a few
 * words for whoever reads the probe's answer. Immutable.
 */
public record Readiness(boolean ready, String reason) {

    public static final Readiness READY = new Readiness(true, "ready");

    public static Readiness notReady(String reason) {
        return new Readiness(false, reason);
    }
}
