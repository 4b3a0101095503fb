package io.samsa.clients.internals;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric of one client, whatever its group and tags: what {@code metrics()} returns and what
 * a {@link Listener} (the JMX reporter) publishes. Metrics come and go while the client runs (a
 * topic's when the producer first sends to it, a partition's while it is assigned), and listeners
 * hear of each change in the order it happened. Thread-safe: listeners are called under the
 * registry's lock, so they must not call back into it.
 */
public final class ClientMetricRegistry {

    /** Told of metrics as they are added and removed. */
    public interface Listener {
        /** {@code metric} was added, or replaced one of the same name. */
        void metricAdded(Metric metric);

        void metricRemoved(Metric metric);
    }

    private final Map<MetricName, Metric> metrics = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();

    public synchronized void add(Metric metric) {
        metrics.put(metric.metricName(), metric);
        for (Listener l : listeners) {
            l.metricAdded(metric);
        }
    }

    public synchronized void remove(MetricName name) {
        Metric removed = metrics.remove(name);
        if (removed != null) {
            for (Listener l : listeners) {
                l.metricRemoved(removed);
            }
        }
    }

    /** Adds a listener and tells it of every metric already there. */
    public synchronized void addListener(Listener listener) {
        listeners.add(listener);
        for (Metric m : metrics.values()) {
            listener.metricAdded(m);
        }
    }

    public synchronized void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** A snapshot of the names, each with its live value. */
    public synchronized Map<MetricName, Metric> metrics() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }
}
