package io.samsa.tools;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The perf tools' {@code --print-metrics} table, as Apache Kafka's tools print it: a blank line,
 * a {@code Metric Name   Value} header, then one {@code group:name:{tags} : value} line per
 * metric, sorted by that name, doubles with three decimals. Nothing at all for no metrics.
 * Stateless.
 */
final class MetricsTable {

    private MetricsTable() {
    }

    static void print(PrintStream out, Map<MetricName, ? extends Metric> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return;
        }
        TreeMap<String, Object> sorted = new TreeMap<>();
        int width = 0;
        for (Metric m : metrics.values()) {
            MetricName n = m.metricName();
            String name = n.group() + ":" + n.name() + ":" + n.tags();
            width = Math.max(width, name.length());
            sorted.put(name, m.metricValue());
        }
        out.printf(Locale.ROOT, "%n%-" + width + "s   %s%n", "Metric Name", "Value");
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            String format = e.getValue() instanceof Double ? "%-" + width + "s : %.3f%n" : "%-" + width + "s : %s%n";
            out.printf(Locale.ROOT, format, e.getKey(), e.getValue());
        }
    }
}
