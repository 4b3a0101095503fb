package io.samsa.core.metrics;

import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Snapshot;
import io.samsa.common.Time;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A histogram reservoir over HdrHistogram: recording is wait-free and allocates nothing (an
 * HdrHistogram {@link Recorder}), where Dropwizard's decaying reservoirs insert into a skip list on
 * nearly every update — six of those per request were a measurable share of the broker's CPU.
 * Snapshots cover recent values only, as Kafka's decaying histograms favour the last minutes: the
 * values of the current window and of the one before it, windows {@link #WINDOW_MS} long, so a
 * snapshot sees between one and two windows of values. Values are kept to three significant
 * digits. Recording is thread-safe and lock-free; snapshots are taken under this object's lock
 * (readers are a JMX client or a scrape, rarely more than one at a time).
 */
public final class RecentValuesReservoir implements Reservoir {

    /** How long one window of values lasts. */
    static final long WINDOW_MS = 60_000;
    private static final int SIGNIFICANT_DIGITS = 3;
    /** How many values {@link Snapshot#getValues()} spreads over the distribution. */
    private static final int SAMPLE_VALUES = 1028;

    private final Time time;
    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    /** Guarded by this: the window being filled, the one before it, and a spare for the recorder. */
    private Histogram current = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram previous = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram interval;
    private long currentStartMs;

    public RecentValuesReservoir(Time time) {
        this.time = time;
        this.currentStartMs = time.hiResClockMs();
    }

    @Override
    public void update(long value) {
        recorder.recordValue(Math.max(0, value));
    }

    @Override
    public int size() {
        return getSnapshot().size();
    }

    @Override
    public synchronized Snapshot getSnapshot() {
        interval = recorder.getIntervalHistogram(interval);
        long now = time.hiResClockMs();
        if (now - currentStartMs >= 2 * WINDOW_MS) {
            // Nobody read for two windows: what came since the last read is all there is, and all counts as recent.
            previous.reset();
            current.reset();
            currentStartMs = now;
        } else if (now - currentStartMs >= WINDOW_MS) {
            Histogram spare = previous;
            previous = current;
            current = spare;
            current.reset();
            currentStartMs = now;
        }
        current.add(interval);
        Histogram both = previous.copy();
        both.add(current);
        return new HdrSnapshot(both);
    }

    /** An immutable view of recorded values. */
    private static final class HdrSnapshot extends Snapshot {

        private final Histogram values;

        HdrSnapshot(Histogram values) {
            this.values = values;
        }

        @Override
        public double getValue(double quantile) {
            if (quantile < 0 || quantile > 1 || Double.isNaN(quantile)) {
                throw new IllegalArgumentException(quantile + " is not in [0..1]");
            }
            return values.getTotalCount() == 0 ? 0 : values.getValueAtPercentile(quantile * 100);
        }

        /** Values at evenly spaced quantiles: the shape of the distribution, not every value recorded. */
        @Override
        public long[] getValues() {
            long count = values.getTotalCount();
            long[] out = new long[(int) Math.min(count, SAMPLE_VALUES)];
            for (int i = 0; i < out.length; i++) {
                out[i] = values.getValueAtPercentile(100.0 * (i + 1) / out.length);
            }
            return out;
        }

        @Override
        public int size() {
            return (int) Math.min(Integer.MAX_VALUE, values.getTotalCount());
        }

        @Override
        public long getMax() {
            return values.getTotalCount() == 0 ? 0 : values.getMaxValue();
        }

        @Override
        public double getMean() {
            return values.getTotalCount() == 0 ? 0 : values.getMean();
        }

        @Override
        public long getMin() {
            return values.getTotalCount() == 0 ? 0 : values.getMinValue();
        }

        @Override
        public double getStdDev() {
            return values.getTotalCount() == 0 ? 0 : values.getStdDeviation();
        }

        @Override
        public void dump(OutputStream output) {
            try (PrintWriter out = new PrintWriter(output, false, StandardCharsets.UTF_8)) {
                for (long v : getValues()) {
                    out.println(v);
                }
            }
        }
    }
}
