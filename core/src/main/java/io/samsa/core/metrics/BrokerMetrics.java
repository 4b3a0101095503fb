package io.samsa.core.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.samsa.common.Time;
import com.codahale.metrics.jmx.JmxReporter;

import javax.management.MBeanServer;
import java.util.concurrent.TimeUnit;

/**
 * One broker's metrics: a Dropwizard {@link MetricRegistry} keyed by Kafka's metric names, which
 * the small {@code *Metrics} classes beside what they measure fill in, and, once
 * {@link #startJmx} is called, a JMX reporter that publishes every metric under Kafka's MBean name.
 * Meters are LongAdder-based and histograms record into HdrHistogram, so recording takes no lock.
 * Several brokers in one JVM (tests) each have a registry; only the first to publish a name is
 * visible over JMX. Thread-safe.
 */
public final class BrokerMetrics implements AutoCloseable {

    private final MetricRegistry registry = new MetricRegistry();
    private final Time time;
    /** Guarded by this. */
    private JmxReporter reporter;

    /** Metrics whose histograms keep their recent values by the system clock. */
    public BrokerMetrics() {
        this(Time.SYSTEM);
    }

    /** Metrics whose histograms' windows of recent values follow {@code time}. */
    public BrokerMetrics(Time time) {
        this.time = time;
    }

    public MetricRegistry registry() {
        return registry;
    }

    /** The meter of that name, created on first use (Kafka's meters: Count, MeanRate, OneMinuteRate..., per second). */
    public Meter meter(KafkaMetricName name) {
        return registry.meter(name.mBeanName());
    }

    /**
     * The histogram of that name, created on first use. Like Kafka's biased histograms it shows
     * recent values (the last one to two minutes, see {@link RecentValuesReservoir}).
     */
    public Histogram histogram(KafkaMetricName name) {
        return registry.histogram(name.mBeanName(), () -> new Histogram(new RecentValuesReservoir(time)));
    }

    /**
     * A meter marked with nanoseconds of something (idle time), whose rates read over JMX as the
     * share of time it took, 0 to 1, as Kafka's RequestHandlerAvgIdlePercent does.
     */
    public Meter timeShareMeter(KafkaMetricName name) {
        return registry.meter(name.mBeanName(), TimeShareMeter::new);
    }

    /**
     * The timer of that name, created on first use: a rate and a histogram of durations (shown in
     * milliseconds over JMX), like Kafka's {@code ...RateAndTimeMs} metrics.
     */
    public Timer timer(KafkaMetricName name) {
        return registry.timer(name.mBeanName(), () -> new Timer(new RecentValuesReservoir(time)));
    }

    /** Registers {@code gauge} under the name, replacing any gauge registered there before. */
    public <T> Gauge<T> gauge(KafkaMetricName name, Gauge<T> gauge) {
        registry.remove(name.mBeanName());
        return registry.register(name.mBeanName(), gauge);
    }

    /** Removes the metric of that name; true if there was one. */
    public boolean remove(KafkaMetricName name) {
        return registry.remove(name.mBeanName());
    }

    /** Publishes every metric, present and future, as an MBean with Kafka's name on {@code server}. */
    public synchronized void startJmx(MBeanServer server) {
        if (reporter != null) {
            return;
        }
        reporter = JmxReporter.forRegistry(registry)
                .registerWith(server)
                .createsObjectNamesWith(new KafkaObjectNameFactory())
                .convertRatesTo(TimeUnit.SECONDS)
                .convertDurationsTo(TimeUnit.MILLISECONDS)
                .build();
        reporter.start();
    }

    /** Unpublishes the MBeans; the metrics themselves stay readable. */
    @Override
    public synchronized void close() {
        if (reporter != null) {
            reporter.close();
            reporter = null;
        }
    }
}
