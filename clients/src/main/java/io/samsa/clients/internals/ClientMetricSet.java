package io.samsa.clients.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A client's metrics as Kafka's clients name them (a group such as {@code producer-metrics} or
 * {@code consumer-metrics}, tag {@code client-id}): {@link Sensor}s for Kafka's windowed rates,
 * averages and maxima and for lifetime totals, and gauges read on demand. Thread-safe.
 */
public final class ClientMetricSet {

    /** Kafka's {@code metrics.sample.window.ms} default: a sample covers 30 s. */
    static final long SAMPLE_WINDOW_MS = 30_000;
    /** Kafka's {@code metrics.num.samples} default: a windowed stat covers the last two samples. */
    static final int SAMPLES = 2;

    private final String group;
    private final Map<String, String> tags;
    private final Time time;
    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();

    public ClientMetricSet(String group, String clientId) {
        this(group, clientId, Time.SYSTEM);
    }

    /** @param time the clock windowed stats are recorded and read by */
    public ClientMetricSet(String group, String clientId, Time time) {
        this.group = group;
        this.tags = Map.of("client-id", clientId);
        this.time = time;
    }

    /** A new sensor; its stats become metrics as they are added to it. */
    public Sensor sensor() {
        return new Sensor();
    }

    public synchronized void gauge(String name, String description, Supplier<Object> value) {
        MetricName metricName = new MetricName(name, group, description, tags);
        metrics.put(metricName, new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value.get();
            }
        });
    }

    public synchronized Map<MetricName, Metric> metrics() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Values recorded over time, read as Kafka's sampled stats read them: {@link #SAMPLES} samples
     * of {@link #SAMPLE_WINDOW_MS} each (and one more that may overlap the window's start), a
     * sample without events for the whole window reset when read. Averages and maxima are over the
     * retained samples; a rate divides their sum by the time they cover, counted as at least
     * {@code SAMPLES - 1} full windows so that a young sensor does not report a burst. Every stat
     * added to a sensor reads the same samples, so one {@link #record} updates them all. Recording
     * takes the sensor's lock: meant for once per response or per poll, not per record.
     */
    public final class Sensor {
        private final long[] startMs = new long[SAMPLES + 1];
        private final long[] lastEventMs = new long[SAMPLES + 1];
        private final long[] count = new long[SAMPLES + 1];
        private final double[] sum = new double[SAMPLES + 1];
        private final double[] max = new double[SAMPLES + 1];
        /** Samples started so far (they are created on first use, as Kafka's are). */
        private int used;
        private int current;
        private long totalCount;
        private double totalSum;

        private Sensor() {
        }

        public void record(double value) {
            record(value, time.milliseconds());
        }

        public synchronized void record(double value, long nowMs) {
            if (used == 0) {
                startSample(0, nowMs);
                used = 1;
            } else if (nowMs - startMs[current] >= SAMPLE_WINDOW_MS) {
                current = (current + 1) % (SAMPLES + 1);
                if (current == used) {
                    used++;
                }
                startSample(current, nowMs);
            }
            count[current]++;
            sum[current] += value;
            max[current] = Math.max(max[current], value);
            lastEventMs[current] = nowMs;
            totalCount++;
            totalSum += value;
        }

        private void startSample(int i, long nowMs) {
            startMs[i] = nowMs;
            lastEventMs[i] = nowMs;
            count[i] = 0;
            sum[i] = 0;
            max[i] = Double.NEGATIVE_INFINITY;
        }

        /** Resets samples that saw no event during the whole window, as Kafka does before reading. */
        private void purge(long nowMs) {
            for (int i = 0; i < used; i++) {
                if (nowMs - lastEventMs[i] >= SAMPLES * SAMPLE_WINDOW_MS) {
                    startSample(i, nowMs);
                }
            }
        }

        private synchronized double windowedAverage(long nowMs) {
            purge(nowMs);
            long n = 0;
            double total = 0;
            for (int i = 0; i < used; i++) {
                n += count[i];
                total += sum[i];
            }
            return n == 0 ? Double.NaN : total / n;
        }

        private synchronized double windowedMax(long nowMs) {
            purge(nowMs);
            long n = 0;
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < used; i++) {
                n += count[i];
                m = Math.max(m, max[i]);
            }
            return n == 0 ? Double.NaN : m;
        }

        /** Per second: of the recorded values' sum, or of the number of events. */
        private synchronized double windowedRate(long nowMs, boolean ofCount) {
            purge(nowMs);
            if (used == 0) {
                return 0;
            }
            double total = 0;
            long oldestStart = startMs[0];
            for (int i = 0; i < used; i++) {
                total += ofCount ? count[i] : sum[i];
                oldestStart = Math.min(oldestStart, startMs[i]);
            }
            long elapsedMs = nowMs - oldestStart;
            long fullWindows = elapsedMs / SAMPLE_WINDOW_MS;
            if (fullWindows < SAMPLES - 1) {
                elapsedMs += (SAMPLES - 1 - fullWindows) * SAMPLE_WINDOW_MS;
            }
            return total / (Math.max(elapsedMs, 1) / 1000.0);
        }

        private synchronized double cumulative(boolean ofCount) {
            return ofCount ? totalCount : totalSum;
        }

        /** The windowed average of the recorded values. */
        public Sensor avg(String name, String description) {
            gauge(name, description, () -> windowedAverage(time.milliseconds()));
            return this;
        }

        /** The windowed maximum of the recorded values. */
        public Sensor max(String name, String description) {
            gauge(name, description, () -> windowedMax(time.milliseconds()));
            return this;
        }

        /** The recorded values per second, over the window. */
        public Sensor rate(String name, String description) {
            gauge(name, description, () -> windowedRate(time.milliseconds(), false));
            return this;
        }

        /** Events (recordings) per second, over the window. */
        public Sensor countRate(String name, String description) {
            gauge(name, description, () -> windowedRate(time.milliseconds(), true));
            return this;
        }

        /** The sum of every value recorded. */
        public Sensor total(String name, String description) {
            gauge(name, description, () -> cumulative(false));
            return this;
        }

        /** How many times a value was recorded. */
        public Sensor count(String name, String description) {
            gauge(name, description, () -> cumulative(true));
            return this;
        }
    }
}
