package io.samsa.tools;

import io.samsa.tools.cli.Progress;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The producer perf tool's accounting, the same as Apache Kafka's {@code ProducerPerformance}:
 * each acknowledged record's latency (send call to callback, in whole milliseconds) and size; a
 * progress line every reporting interval; and a final summary line with throughput, average and
 * maximum latency and the 50th, 95th, 99th and 99.9th percentiles. Percentiles come from a
 * sample of at most 500,000 latencies (every n-th acknowledged record, n = records / 500,000
 * rounded down), sorted at the end, as Kafka's tool does, so the figures of both tools mean the
 * same thing. The output lines have Kafka's format (the benchmark harness parses them). Besides
 * them, a {@link Progress} line ({@code 12000 of 100000 records sent (12%)}) is kept up to date on a
 * terminal; it is erased before each of Kafka's lines and before the summary.
 *
 * <p>Not thread-safe: {@link #record} runs on the producer's I/O thread (in the send callbacks);
 * {@link #printTotal} runs after the producer is closed or flushed, which orders it after them.
 */
public final class ProducerPerfStats {

    /** Kafka's tool keeps at most this many latencies for its percentiles. */
    static final int MAX_SAMPLES = 500_000;

    private final PrintStream out;
    private final Progress progress;
    private final long numRecords;
    private final long startMs;
    private final long reportingIntervalMs;
    private final int[] latencies;
    private final long sampling;
    private int sampled;
    private long count;
    private long bytes;
    private long totalLatency;
    private int maxLatency;
    private long windowStartMs;
    private long windowCount;
    private long windowBytes;
    private long windowTotalLatency;
    private int windowMaxLatency;

    /**
     * @param numRecords          records the run will send (sizes the latency sample)
     * @param reportingIntervalMs how often a progress line is printed
     * @param nowMs               the run's start
     */
    public ProducerPerfStats(long numRecords, long reportingIntervalMs, long nowMs, PrintStream out) {
        this(numRecords, reportingIntervalMs, nowMs, out, Progress.none());
    }

    /**
     * @param progress the progress line, updated from the thread that calls {@link #record}
     */
    public ProducerPerfStats(long numRecords, long reportingIntervalMs, long nowMs, PrintStream out, Progress progress) {
        if (numRecords <= 0) {
            throw new IllegalArgumentException("numRecords must be positive, got " + numRecords);
        }
        this.out = out;
        this.progress = progress;
        this.numRecords = numRecords;
        this.startMs = nowMs;
        this.windowStartMs = nowMs;
        this.reportingIntervalMs = reportingIntervalMs;
        this.sampling = numRecords / Math.min(numRecords, MAX_SAMPLES);
        this.latencies = new int[(int) (numRecords / sampling) + 1];
    }

    /** One acknowledged record: its latency, its value size, and now (which may end the progress window). */
    public void record(int latencyMs, int valueBytes, long nowMs) {
        if (count % sampling == 0 && sampled < latencies.length) {
            latencies[sampled++] = latencyMs;
        }
        count++;
        bytes += valueBytes;
        totalLatency += latencyMs;
        maxLatency = Math.max(maxLatency, latencyMs);
        windowCount++;
        windowBytes += valueBytes;
        windowTotalLatency += latencyMs;
        windowMaxLatency = Math.max(windowMaxLatency, latencyMs);
        if (nowMs - windowStartMs >= reportingIntervalMs) {
            progress.hide();
            printWindow(nowMs);
            windowStartMs = nowMs;
            windowCount = 0;
            windowBytes = 0;
            windowTotalLatency = 0;
            windowMaxLatency = 0;
        }
        if (progress.due()) {
            progress.update(progressLine());
        }
    }

    /** The progress line's text: acknowledged records of all, and the share. */
    String progressLine() {
        return count + " of " + numRecords + " records sent (" + (100 * count / numRecords) + "%)";
    }

    /** Acknowledged records so far. */
    public long count() {
        return count;
    }

    private void printWindow(long nowMs) {
        long elapsed = nowMs - windowStartMs;
        out.printf(Locale.ROOT, "%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.%n",
                windowCount, 1000.0 * windowCount / elapsed, 1000.0 * windowBytes / elapsed / (1024.0 * 1024.0),
                windowTotalLatency / (double) windowCount, (double) windowMaxLatency);
    }

    /**
     * Prints the summary line, e.g. {@code 100000 records sent, 95238.095238 records/sec (9.08 MB/sec),
     * 12.30 ms avg latency, 80.00 ms max latency, 9 ms 50th, 40 ms 95th, 70 ms 99th, 79 ms 99.9th.}
     */
    public void printTotal(long nowMs) {
        progress.close();
        out.println(summary(nowMs));
    }

    String summary(long nowMs) {
        long elapsed = nowMs - startMs;
        int[] p = percentiles(0.5, 0.95, 0.99, 0.999);
        return String.format(Locale.ROOT, "%d records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, "
                        + "%.2f ms max latency, %d ms 50th, %d ms 95th, %d ms 99th, %d ms 99.9th.",
                count, 1000.0 * count / elapsed, 1000.0 * bytes / elapsed / (1024.0 * 1024.0),
                totalLatency / (double) count, (double) maxLatency, p[0], p[1], p[2], p[3]);
    }

    /** The sampled latency at each fraction: the value at index {@code (int) (fraction * samples)} once sorted. */
    int[] percentiles(double... fractions) {
        Arrays.sort(latencies, 0, sampled);
        int[] values = new int[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            values[i] = latencies[(int) (fractions[i] * sampled)];
        }
        return values;
    }
}
