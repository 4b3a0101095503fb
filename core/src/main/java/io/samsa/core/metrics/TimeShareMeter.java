package io.samsa.core.metrics;

import com.codahale.metrics.Meter;

/**
 * A meter marked with nanoseconds spent in some state (a handler thread waiting for work), whose
 * rates are that state's share of time, 0 to 1: the per-second rates divided by the nanoseconds in a
 * second. Kafka gets the same from a Yammer meter with a nanosecond rate unit; Dropwizard's JMX
 * reporter converts rates only by whole seconds, so the scaling lives here. Thread-safe.
 */
final class TimeShareMeter extends Meter {

    private static final double NANOS_PER_SECOND = 1e9;

    @Override
    public double getMeanRate() {
        return super.getMeanRate() / NANOS_PER_SECOND;
    }

    @Override
    public double getOneMinuteRate() {
        return super.getOneMinuteRate() / NANOS_PER_SECOND;
    }

    @Override
    public double getFiveMinuteRate() {
        return super.getFiveMinuteRate() / NANOS_PER_SECOND;
    }

    @Override
    public double getFifteenMinuteRate() {
        return super.getFifteenMinuteRate() / NANOS_PER_SECOND;
    }
}
