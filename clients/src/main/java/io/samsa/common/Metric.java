package io.samsa.common;

/**
 * One metric a client exposes through {@code metrics()}: its name and its current value.
 * Implementations are thread-safe: a metric is read from application threads while the client's
 * I/O thread updates it.
 */
public interface Metric {

    /** The metric's identity. */
    MetricName metricName();

    /**
     * The current value: usually a {@link Double} (a rate, an average, a count), sometimes another
     * type (a {@link String} for version information, for example).
     */
    Object metricValue();
}
