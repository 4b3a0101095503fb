package io.samsa.clients.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Supplier;

/**
 * One group of a client's metrics as Kafka's clients name them (a group such as
 * {@code producer-metrics} or {@code consumer-metrics}, tag {@code client-id}, and more tags for
 * a topic, a partition or a node): {@link Sensor}s for Kafka's windowed rates, averages, minima
 * and maxima and for lifetime totals, and gauges read on demand. Each metric is also added to the
 * client's {@link ClientMetricRegistry}, and {@link #removeAll} takes them out of it again (a
 * partition's when it is no longer assigned). Thread-safe.
 */
public final class ClientMetricSet {

    /** Kafka's {@code metrics.sample.window.ms} default: a sample covers 30 s. */
    static final long SAMPLE_WINDOW_MS = 30_000;
    /** Kafka's {@code metrics.num.samples} default: a windowed stat covers the last two samples. */
    static final int SAMPLES = 2;

    private final ClientMetricRegistry registry;
    private final String group;
    private final Map<String, String> tags;
    private final Time time;
    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();

    /** A group in a registry of its own, tagged with the client id only, on the system clock. */
    public ClientMetricSet(String group, String clientId) {
        this(group, clientId, Time.SYSTEM);
    }

    /** @param time the clock windowed stats are recorded and read by */
    public ClientMetricSet(String group, String clientId, Time time) {
        this(new ClientMetricRegistry(), group, Map.of("client-id", clientId), time);
    }

    /**
     * @param tags the tags of every metric of the group, in the order JMX names list them
     *        ({@code client-id} first, as Kafka's)
     * @param time the clock windowed stats are recorded and read by
     */
    public ClientMetricSet(ClientMetricRegistry registry, String group, Map<String, String> tags, Time time) {
        this.registry = registry;
        this.group = group;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        this.time = time;
    }

    /** The registry this group's metrics are added to. */
    public ClientMetricRegistry registry() {
        return registry;
    }

    /** A new sensor; its stats become metrics as they are added to it. */
    public Sensor sensor() {
        return new Sensor();
    }

    public synchronized void gauge(String name, String description, Supplier<Object> value) {
        MetricName metricName = new MetricName(name, group, description, tags);
        Metric metric = new Metric() {
            @Override
            public MetricName metricName() {
                return metricName;
            }

            @Override
            public Object metricValue() {
                return value.get();
            }
        };
        metrics.put(metricName, metric);
        registry.add(metric);
    }

    /** This group's metrics (the registry may hold others). */
    public synchronized Map<MetricName, Metric> metrics() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Takes this group's metrics out of the registry; its sensors may still record, unread. */
    public synchronized void removeAll() {
        for (MetricName name : metrics.keySet()) {
            registry.remove(name);
        }
        metrics.clear();
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
        private final double[] min = new double[SAMPLES + 1];
        /** Samples started so far (they are created on first use, as Kafka's are). */
        private int used;
        private int current;
        private long totalCount;
        private double totalSum;
        /** The value recorded last (0 before any, as Kafka's {@code Value}). */
        private double last;

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
            min[current] = Math.min(min[current], value);
            lastEventMs[current] = nowMs;
            last = value;
            totalCount++;
            totalSum += value;
        }

        private void startSample(int i, long nowMs) {
            startMs[i] = nowMs;
            lastEventMs[i] = nowMs;
            count[i] = 0;
            sum[i] = 0;
            max[i] = Double.NEGATIVE_INFINITY;
            min[i] = Double.POSITIVE_INFINITY;
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

        private double windowedMax(long nowMs) {
            return windowedExtreme(nowMs, max, Double.NEGATIVE_INFINITY, Math::max);
        }

        private double windowedMin(long nowMs) {
            return windowedExtreme(nowMs, min, Double.POSITIVE_INFINITY, Math::min);
        }

        /** The most extreme of {@code perSample} over the window's samples, or NaN when none was recorded. */
        private synchronized double windowedExtreme(long nowMs, double[] perSample, double identity, DoubleBinaryOperator pick) {
            purge(nowMs);
            long n = 0;
            double m = identity;
            for (int i = 0; i < used; i++) {
                n += count[i];
                m = pick.applyAsDouble(m, perSample[i]);
            }
            return n == 0 ? Double.NaN : m;
        }

        private synchronized double lastValue() {
            return last;
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

        /** The windowed minimum of the recorded values. */
        public Sensor min(String name, String description) {
            gauge(name, description, () -> windowedMin(time.milliseconds()));
            return this;
        }

        /** The value recorded last. */
        public Sensor value(String name, String description) {
            gauge(name, description, this::lastValue);
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
