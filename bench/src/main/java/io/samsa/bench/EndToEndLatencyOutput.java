package io.samsa.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary of {@code org.apache.kafka.tools.EndToEndLatency} (kafka-tools 3.9.1): the lines
 * {@code Avg latency: 0.9238 ms} and {@code Percentiles: 50th = 0, 99th = 6, 99.9th = 14}. The tool
 * prints its percentiles as whole milliseconds, truncated, so a sub-millisecond p50 reads 0; the
 * average is the fine-grained figure. Immutable.
 */
public record EndToEndLatencyOutput(double avgMs, double p50Ms, double p99Ms, double p999Ms) {

    private static final Pattern AVG = Pattern.compile("^Avg latency: ([0-9.eE+-]+) ms\\s*$");
    private static final Pattern PERCENTILES = Pattern.compile(
            "^Percentiles: 50th = ([0-9.eE+-]+), 99th = ([0-9.eE+-]+), 99\\.9th = ([0-9.eE+-]+)\\s*$");

    public static EndToEndLatencyOutput parse(String stdout) throws ToolOutputException {
        Double avg = null;
        Matcher pct = null;
        for (String raw : stdout.split("\\R")) {
            String line = raw.trim();
            Matcher a = AVG.matcher(line);
            if (a.matches()) {
                avg = Double.parseDouble(a.group(1));
            }
            Matcher p = PERCENTILES.matcher(line);
            if (p.matches()) {
                pct = p;
            }
        }
        if (avg == null || pct == null) {
            throw new ToolOutputException("EndToEndLatency printed no " + (avg == null ? "'Avg latency'" : "'Percentiles'")
                    + " line");
        }
        return new EndToEndLatencyOutput(avg, Double.parseDouble(pct.group(1)), Double.parseDouble(pct.group(2)),
                Double.parseDouble(pct.group(3)));
    }

    public Map<Metric, Double> figures() {
        Map<Metric, Double> f = new EnumMap<>(Metric.class);
        f.put(Metric.LATENCY_AVG_MS, avgMs);
        f.put(Metric.LATENCY_P50_MS, p50Ms);
        f.put(Metric.LATENCY_P99_MS, p99Ms);
        f.put(Metric.LATENCY_P999_MS, p999Ms);
        return f;
    }
}
