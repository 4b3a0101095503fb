package io.samsa.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final summary of {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools 3.9.1), the
 * last line of its standard output, e.g.
 * {@code 3000000 records sent, 206967.919972 records/sec (19.74 MB/sec), 1259.61 ms avg latency,
 * 2330.00 ms max latency, 1260 ms 50th, 2037 ms 95th, 2271 ms 99th, 2326 ms 99.9th.} The periodic
 * progress lines before it have no percentiles and are ignored. Only acknowledged records are
 * counted, so a count below the requested one means sends failed. Immutable.
 */
public record ProducerPerformanceOutput(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs,
                                        double maxLatencyMs, double p50Ms, double p95Ms, double p99Ms,
                                        double p999Ms) {

    private static final String NUM = "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|-?Infinity)";
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) records sent, " + NUM + " records/sec \\("
            + NUM + " MB/sec\\), " + NUM + " ms avg latency, " + NUM + " ms max latency, " + NUM + " ms 50th, "
            + NUM + " ms 95th, " + NUM + " ms 99th, " + NUM + " ms 99\\.9th\\.\\s*$");

    /** Parses the last summary line of the tool's standard output. */
    public static ProducerPerformanceOutput parse(String stdout) throws ToolOutputException {
        String[] lines = stdout.split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            Matcher m = SUMMARY.matcher(lines[i].trim());
            if (m.matches()) {
                return new ProducerPerformanceOutput(Long.parseLong(m.group(1)), num(m, 2), num(m, 3), num(m, 4),
                        num(m, 5), num(m, 6), num(m, 7), num(m, 8), num(m, 9));
            }
        }
        throw new ToolOutputException("ProducerPerformance printed no final summary line");
    }

    private static double num(Matcher m, int group) {
        return Double.parseDouble(m.group(group));
    }

    public Map<Metric, Double> figures() {
        Map<Metric, Double> f = new EnumMap<>(Metric.class);
        f.put(Metric.RECORDS_PER_SEC, recordsPerSec);
        f.put(Metric.MB_PER_SEC, mbPerSec);
        f.put(Metric.LATENCY_AVG_MS, avgLatencyMs);
        f.put(Metric.LATENCY_P50_MS, p50Ms);
        f.put(Metric.LATENCY_P95_MS, p95Ms);
        f.put(Metric.LATENCY_P99_MS, p99Ms);
        f.put(Metric.LATENCY_P999_MS, p999Ms);
        f.put(Metric.LATENCY_MAX_MS, maxLatencyMs);
        return f;
    }
}
