package io.samsa.clients.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A client's metrics as Kafka's clients name them (group {@code producer-metrics} or
 * {@code consumer-metrics}, tag {@code client-id}): counters and averages kept with
 * adders, so recording from the application and I/O threads takes no lock, and gauges
 * read on demand. Thread-safe.
 */
public final class ClientMetricSet {

    /** A running total; its average over recorded events is another metric. */
    public static final class Total {
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder count = new LongAdder();

        public void record(double value) {
            sum.add(value);
            count.increment();
        }

        public void increment() {
            record(1);
        }

        double sum() {
            return sum.sum();
        }

        double average() {
            long n = count.sum();
            return n == 0 ? Double.NaN : sum.sum() / (double) n;
        }
    }

    private final String group;
    private final Map<String, String> tags;
    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();

    public ClientMetricSet(String group, String clientId) {
        this.group = group;
        this.tags = Map.of("client-id", clientId);
    }

    /** A counter reported as {@code <name>-total}. */
    public Total total(String name, String description) {
        Total t = new Total();
        gauge(name + "-total", description, t::sum);
        return t;
    }

    /** A value reported as its average ({@code <name>-avg}). */
    public Total average(String name, String description) {
        Total t = new Total();
        gauge(name + "-avg", description, t::average);
        return t;
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
}
