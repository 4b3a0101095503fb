package io.samsa.core.metrics;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Counting;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metered;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Sampling;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.samsa.core.metrics.JmxExporterKafkaRules.Naming;
import io.samsa.core.metrics.JmxExporterKafkaRules.Type;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A broker's metrics in the Prometheus text exposition format 0.0.4, named as the Prometheus JMX
 * exporter's Kafka rules name Kafka's MBeans ({@link JmxExporterKafkaRules}), read straight from
 * the {@link MetricRegistry} (no JMX round trip). Each metric offers the attributes Dropwizard's
 * JMX reporter publishes for it, with its units (rates per second, timer durations in
 * milliseconds); the rules pick which become samples. Families come out sorted by name, each once
 * with its {@code # HELP} and {@code # TYPE}, samples in the order of their registry keys; a second sample with the
 * same name and labels (two beans the rules map alike) is left out, and a family whose samples
 * disagree on type is untyped, as the exporter makes it. Registry keys that are not JMX names are
 * not exported (Dropwizard would name them under {@code metrics:}, which no Kafka rule matches).
 *
 * <p>Thread-safe: scrapes may run concurrently; the naming of each key is computed once and kept
 * while the key is registered.
 */
public final class PrometheusExposition {

    /** The Content-Type of {@link #scrape()}'s text. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final String[] GAUGE_ATTRIBUTES = {"Value"};
    private static final String[] COUNTER_ATTRIBUTES = {"Count"};
    private static final String[] METER_ATTRIBUTES = {"Count", "MeanRate", "OneMinuteRate", "FiveMinuteRate", "FifteenMinuteRate"};
    private static final String[] HISTOGRAM_ATTRIBUTES = {"Count", "Min", "Max", "Mean", "StdDev", "50thPercentile", "75thPercentile",
            "95thPercentile", "98thPercentile", "99thPercentile", "999thPercentile", "SnapshotSize"};
    private static final String[] TIMER_ATTRIBUTES = {"Count", "Min", "Max", "Mean", "StdDev", "50thPercentile", "75thPercentile",
            "95thPercentile", "98thPercentile", "99thPercentile", "999thPercentile", "MeanRate", "OneMinuteRate", "FiveMinuteRate",
            "FifteenMinuteRate"};
    private static final double NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final MetricRegistry registry;
    /** The naming of each registered key's attributes (null entries: not exported); pruned to the registered keys on every scrape. */
    private final Map<String, Names> names = new ConcurrentHashMap<>();

    private record Names(Class<?> kind, String[] attributes, Naming[] namings) {
    }

    private record Sample(List<String> labelNames, List<String> labelValues, double value) {
    }

    private static final class Family {
        final String help;
        Type type;
        final List<Sample> samples = new ArrayList<>();
        final Set<List<String>> labelSets = new HashSet<>();

        Family(String help, Type type) {
            this.help = help;
            this.type = type;
        }
    }

    public PrometheusExposition(MetricRegistry registry) {
        this.registry = registry;
    }

    /** Every exported metric's current value, as the text a Prometheus server scrapes. */
    public String scrape() {
        SortedMap<String, Metric> metrics = new TreeMap<>(registry.getMetrics());
        names.keySet().retainAll(metrics.keySet());
        TreeMap<String, Family> families = new TreeMap<>();
        metrics.forEach((key, metric) -> {
            Names n = names(key, metric);
            if (n == null) {
                return;
            }
            Snapshot snapshot = null;
            for (int i = 0; i < n.attributes.length; i++) {
                Naming naming = n.namings[i];
                if (naming == null) {
                    continue;
                }
                String attribute = n.attributes[i];
                Double value;
                try {
                    if (snapshot == null && metric instanceof Sampling s && !attribute.equals("Count") && !attribute.endsWith("Rate")) {
                        snapshot = s.getSnapshot();
                    }
                    value = value(metric, attribute, snapshot);
                } catch (RuntimeException e) {
                    value = null; // a gauge that fails to read is left out, as the exporter leaves out an attribute that throws
                }
                if (value == null) {
                    continue;
                }
                Family f = families.computeIfAbsent(naming.name(), name -> new Family(naming.help(), naming.type()));
                if (f.type != naming.type()) {
                    f.type = Type.UNTYPED;
                }
                List<String> labelSet = new ArrayList<>(naming.labelNames());
                labelSet.addAll(naming.labelValues());
                if (f.labelSets.add(labelSet)) {
                    f.samples.add(new Sample(naming.labelNames(), naming.labelValues(), value));
                }
            }
        });
        StringBuilder out = new StringBuilder(families.size() * 256);
        families.forEach((name, f) -> {
            out.append("# HELP ").append(name).append(' ');
            escape(out, f.help, false);
            out.append("\n# TYPE ").append(name).append(' ').append(f.type.text).append('\n');
            for (Sample s : f.samples) {
                out.append(name);
                if (!s.labelNames.isEmpty()) {
                    out.append('{');
                    for (int i = 0; i < s.labelNames.size(); i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(s.labelNames.get(i)).append("=\"");
                        escape(out, s.labelValues.get(i), true);
                        out.append('"');
                    }
                    out.append('}');
                }
                out.append(' ').append(format(s.value)).append('\n');
            }
        });
        return out.toString();
    }

    private Names names(String key, Metric metric) {
        Names n = names.get(key);
        if (n != null && n.kind.isInstance(metric)) {
            return n;
        }
        n = computeNames(key, metric);
        if (n != null) {
            names.put(key, n);
        }
        return n;
    }

    private static Names computeNames(String key, Metric metric) {
        Class<?> kind;
        String[] attributes;
        if (metric instanceof Gauge) {
            kind = Gauge.class;
            attributes = GAUGE_ATTRIBUTES;
        } else if (metric instanceof Counter) {
            kind = Counter.class;
            attributes = COUNTER_ATTRIBUTES;
        } else if (metric instanceof Timer) {
            kind = Timer.class;
            attributes = TIMER_ATTRIBUTES;
        } else if (metric instanceof Histogram) {
            kind = Histogram.class;
            attributes = HISTOGRAM_ATTRIBUTES;
        } else if (metric instanceof Meter) {
            kind = Meter.class;
            attributes = METER_ATTRIBUTES;
        } else {
            return null;
        }
        ObjectName objectName;
        try {
            objectName = key.indexOf(':') > 0 ? new ObjectName(key) : null;
        } catch (MalformedObjectNameException e) {
            objectName = null;
        }
        Naming[] namings = new Naming[attributes.length];
        if (objectName != null && !objectName.isPattern()) {
            Map<String, String> keys = keyProperties(objectName.getKeyPropertyListString());
            for (int i = 0; i < attributes.length; i++) {
                namings[i] = JmxExporterKafkaRules.name(objectName.getDomain(), keys, attributes[i]);
            }
        }
        return new Names(kind, attributes, namings);
    }

    /** The key properties in the order the name spells them, values as spelled (quoted ones keep their quotes, as the exporter shows them). */
    static Map<String, String> keyProperties(String list) {
        Map<String, String> keys = new LinkedHashMap<>();
        int i = 0;
        while (i < list.length()) {
            int eq = list.indexOf('=', i);
            String k = list.substring(i, eq);
            int end = eq + 1;
            if (end < list.length() && list.charAt(end) == '"') {
                end++;
                while (list.charAt(end) != '"') {
                    end += list.charAt(end) == '\\' ? 2 : 1;
                }
                end++;
            } else {
                while (end < list.length() && list.charAt(end) != ',') {
                    end++;
                }
            }
            keys.put(k, list.substring(eq + 1, end));
            i = end + 1;
        }
        return keys;
    }

    /**
     * The attribute's value as Dropwizard's JMX reporter gives it (rates per second, durations in
     * ms), or null if not a number; {@code snapshot} is the metric's, taken for the attributes read from one.
     */
    private static Double value(Metric metric, String attribute, Snapshot snapshot) {
        if (metric instanceof Gauge<?> g) {
            Object v = g.getValue();
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
            return null;
        }
        if (metric instanceof Counter c) {
            return (double) c.getCount();
        }
        double durationFactor = metric instanceof Timer ? 1.0 / NANOS_PER_MILLI : 1.0;
        return switch (attribute) {
            case "Count" -> (double) ((Counting) metric).getCount();
            case "MeanRate" -> ((Metered) metric).getMeanRate();
            case "OneMinuteRate" -> ((Metered) metric).getOneMinuteRate();
            case "FiveMinuteRate" -> ((Metered) metric).getFiveMinuteRate();
            case "FifteenMinuteRate" -> ((Metered) metric).getFifteenMinuteRate();
            default -> snapshotValue(snapshot, attribute, durationFactor);
        };
    }

    private static Double snapshotValue(Snapshot s, String attribute, double durationFactor) {
        return switch (attribute) {
            case "Min" -> s.getMin() * durationFactor;
            case "Max" -> s.getMax() * durationFactor;
            case "Mean" -> s.getMean() * durationFactor;
            case "StdDev" -> s.getStdDev() * durationFactor;
            case "50thPercentile" -> s.getMedian() * durationFactor;
            case "75thPercentile" -> s.get75thPercentile() * durationFactor;
            case "95thPercentile" -> s.get95thPercentile() * durationFactor;
            case "98thPercentile" -> s.get98thPercentile() * durationFactor;
            case "99thPercentile" -> s.get99thPercentile() * durationFactor;
            case "999thPercentile" -> s.get999thPercentile() * durationFactor;
            case "SnapshotSize" -> (double) s.size();
            default -> null;
        };
    }

    /** Go's float syntax, as Prometheus clients write it: +Inf, -Inf, NaN, else Java's shortest round-trip form. */
    static String format(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        return Double.toString(v);
    }

    /** Escapes backslash and newline (HELP text), and also the double quote in a label value. */
    static void escape(StringBuilder out, String s, boolean labelValue) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(labelValue ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }
}
