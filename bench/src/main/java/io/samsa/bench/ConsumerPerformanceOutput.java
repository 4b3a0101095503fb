package io.samsa.bench;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The summary of {@code org.apache.kafka.tools.ConsumerPerformance} (kafka-tools 3.9.1): a
 * comma-separated header line starting {@code start.time, end.time} and one line of values under
 * it, read by column name. When the consumer gives up before reading the requested count, the tool
 * prints a {@code WARNING: Exiting before consuming the expected number of messages} line and still
 * exits 0; {@link #stoppedEarly()} reports it.
 *
 * <p>The headline throughput is the tool's {@code fetch.*} columns, which leave out the group join
 * (reported on its own as {@code rebalance.time.ms}); the {@code MB.sec}/{@code nMsg.sec} columns
 * include it. Immutable.
 */
public record ConsumerPerformanceOutput(long records, double megabytes, double fetchMbPerSec,
                                        double fetchRecordsPerSec, double totalMbPerSec, double totalRecordsPerSec,
                                        double rebalanceMs, double fetchMs, boolean stoppedEarly) {

    private static final String HEADER_START = "start.time, end.time";
    private static final String EARLY_EXIT = "WARNING: Exiting before consuming the expected number of messages";

    public static ConsumerPerformanceOutput parse(String stdout) throws ToolOutputException {
        String[] lines = stdout.split("\\R");
        boolean stoppedEarly = false;
        String[] header = null;
        String[] values = null;
        for (String raw : lines) {
            String line = raw.trim();
            if (line.startsWith(EARLY_EXIT)) {
                stoppedEarly = true;
            } else if (line.startsWith(HEADER_START)) {
                header = line.split(",\\s*");
                values = null;
            } else if (header != null && values == null && !line.isEmpty() && !line.startsWith("WARNING")) {
                values = line.split(",\\s*");
            }
        }
        if (header == null) {
            throw new ToolOutputException("ConsumerPerformance printed no header line (" + HEADER_START + ", ...)");
        }
        if (values == null) {
            throw new ToolOutputException("ConsumerPerformance printed a header but no values");
        }
        if (values.length != header.length) {
            throw new ToolOutputException("ConsumerPerformance printed " + values.length + " values for "
                    + header.length + " columns");
        }
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            byName.put(header[i], values[i]);
        }
        return new ConsumerPerformanceOutput(
                (long) column(byName, "data.consumed.in.nMsg"),
                column(byName, "data.consumed.in.MB"),
                column(byName, "fetch.MB.sec"),
                column(byName, "fetch.nMsg.sec"),
                column(byName, "MB.sec"),
                column(byName, "nMsg.sec"),
                column(byName, "rebalance.time.ms"),
                column(byName, "fetch.time.ms"),
                stoppedEarly);
    }

    private static double column(Map<String, String> byName, String name) throws ToolOutputException {
        String v = byName.get(name);
        if (v == null) {
            throw new ToolOutputException("ConsumerPerformance output has no column " + name);
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ToolOutputException("ConsumerPerformance column " + name + " is not a number: " + v);
        }
    }

    public Map<Metric, Double> figures() {
        Map<Metric, Double> f = new EnumMap<>(Metric.class);
        f.put(Metric.RECORDS_PER_SEC, fetchRecordsPerSec);
        f.put(Metric.MB_PER_SEC, fetchMbPerSec);
        f.put(Metric.GROUP_JOIN_MS, rebalanceMs);
        return f;
    }
}
