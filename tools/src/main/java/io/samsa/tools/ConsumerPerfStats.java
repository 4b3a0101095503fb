package io.samsa.tools;

import io.samsa.tools.cli.Progress;

import java.io.PrintStream;
import java.text.DateFormat;
import java.util.Locale;

/**
 * The consumer perf tool's accounting and output, the same as Apache Kafka 3.9's
 * {@code ConsumerPerformance}, whose lines the benchmark harness parses: a header, then either one
 * summary line at the end or (with {@code --show-detailed-stats}) a progress line every reporting
 * interval, and a warning line when the run gave up before reading the records asked for.
 *
 * <p>The summary's throughput comes in two forms: over the whole run, and over the fetch time,
 * which is the run less the time spent in group rebalances (from the start, or from a revocation,
 * to the next assignment; see {@link #rebalanced}). Megabytes are MiB of record keys and values.
 * Numbers are printed with {@link Locale#ROOT} (a decimal point), times with the given format.
 *
 * <p>Two things differ from Kafka's tool on purpose, neither in the summary line: a progress line is
 * due after a poll's records have been counted, not part-way through them, and its
 * {@code rebalance.time.ms} is the rebalance time within that interval (Kafka's tool, by a slip, prints
 * the rebalance time so far in its first progress line and 0 in every later one).
 *
 * <p>Besides Kafka's lines, a {@link Progress} line ({@code 1200 of 5000 records consumed (24%)}) is
 * kept up to date on a terminal; it is erased before each of Kafka's lines.
 *
 * <p>Not thread-safe: the polling thread owns it (rebalance listeners run inside {@code poll}).
 */
public final class ConsumerPerfStats {

    static final String HEADER_TAIL = ", rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
    static final String SUMMARY_HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, "
            + "nMsg.sec" + HEADER_TAIL;
    static final String DETAILED_HEADER = "time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, "
            + "nMsg.sec" + HEADER_TAIL;

    private static final double MIB = 1024.0 * 1024.0;

    private final PrintStream out;
    private final Progress progress;
    private final long wanted;
    private final DateFormat dateFormat;
    private final boolean detailed;
    private final long reportingIntervalMs;
    private long messages;
    private long bytes;
    private long rebalanceMs;
    private long windowStartMs;
    private long windowStartMessages;
    private long windowStartBytes;
    private long windowRebalanceMs;

    /**
     * @param detailed            print progress lines (and no summary), as --show-detailed-stats
     * @param reportingIntervalMs how often a progress line is due
     * @param startMs             the run's start: the first progress window opens here
     */
    public ConsumerPerfStats(PrintStream out, DateFormat dateFormat, boolean detailed, long reportingIntervalMs,
                             long startMs) {
        this(out, dateFormat, detailed, reportingIntervalMs, startMs, 0, Progress.none());
    }

    /**
     * @param wanted   the records the run is to read, for the progress line
     * @param progress the progress line
     */
    public ConsumerPerfStats(PrintStream out, DateFormat dateFormat, boolean detailed, long reportingIntervalMs,
                             long startMs, long wanted, Progress progress) {
        this.out = out;
        this.progress = progress;
        this.wanted = wanted;
        this.dateFormat = dateFormat;
        this.detailed = detailed;
        this.reportingIntervalMs = reportingIntervalMs;
        this.windowStartMs = startMs;
    }

    /** Kafka's header: the summary's columns, or with {@code detailed} the progress lines'. */
    public static void printHeader(PrintStream out, boolean detailed) {
        out.println(detailed ? DETAILED_HEADER : SUMMARY_HEADER);
    }

    /**
     * One poll's records: how many and their key plus value bytes, counted at {@code nowMs}, after
     * which a progress line is printed if one is due.
     */
    public void record(int count, long recordBytes, long nowMs) {
        messages += count;
        bytes += recordBytes;
        if (nowMs - windowStartMs >= reportingIntervalMs) {
            if (detailed) {
                progress.hide();
                out.println(progress(nowMs));
            }
            windowStartMs = nowMs;
            windowStartMessages = messages;
            windowStartBytes = bytes;
            windowRebalanceMs = 0;
        }
        if (progress.due()) {
            progress.update(progressLine());
        }
    }

    /** The progress line's text: records read of those wanted, and the share. */
    String progressLine() {
        return messages + " of " + wanted + " records consumed (" + (wanted > 0 ? Math.min(100, 100 * messages / wanted) : 0)
                + "%)";
    }

    /** A rebalance took {@code elapsedMs}, from its start to the assignment. */
    public void rebalanced(long elapsedMs) {
        rebalanceMs += elapsedMs;
        windowRebalanceMs += elapsedMs;
    }

    /** Records counted so far. */
    public long messages() {
        return messages;
    }

    /** Key and value bytes counted so far. */
    public long bytes() {
        return bytes;
    }

    /** Time spent in rebalances so far. */
    public long rebalanceMs() {
        return rebalanceMs;
    }

    /** The line Kafka's tool prints when it stops after {@code timeoutMs} without a record. */
    public void printTimeoutWarning(long timeoutMs) {
        progress.close();
        out.printf(Locale.ROOT, "WARNING: Exiting before consuming the expected number of messages: timeout (%d ms) "
                + "exceeded. You can use the --timeout option to increase the timeout.%n", timeoutMs);
    }

    /** Prints the summary line, unless progress lines were asked for (Kafka prints it only without them). */
    public void printSummary(long startMs, long endMs) {
        progress.close();
        if (!detailed) {
            out.println(summary(startMs, endMs));
        }
    }

    /**
     * e.g. {@code 2026-11-22 13:21:24:200, 2026-11-22 13:21:25:829, 286.1023, 175.6306, 3000000,
     * 1841620.6262, 296, 1333, 214.6304, 2250562.6407}
     */
    String summary(long startMs, long endMs) {
        double elapsedSec = (endMs - startMs) / 1000.0;
        long fetchMs = endMs - startMs - rebalanceMs;
        double mb = bytes / MIB;
        return String.format(Locale.ROOT, "%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f",
                dateFormat.format(startMs), dateFormat.format(endMs), mb, mb / elapsedSec, messages,
                messages / elapsedSec, rebalanceMs, fetchMs, mb / (fetchMs / 1000.0), messages / (fetchMs / 1000.0));
    }

    /** The progress line of the window ending now; its fetch rates are 0 when rebalancing took the whole window. */
    String progress(long nowMs) {
        double elapsedMs = nowMs - windowStartMs;
        double windowMb = (bytes - windowStartBytes) / MIB;
        long windowMessages = messages - windowStartMessages;
        long fetchMs = nowMs - windowStartMs - windowRebalanceMs;
        return String.format(Locale.ROOT, "%s, %d, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f",
                dateFormat.format(nowMs), 0, bytes / MIB, 1000.0 * windowMb / elapsedMs, messages,
                1000.0 * windowMessages / elapsedMs, windowRebalanceMs, fetchMs,
                fetchMs <= 0 ? 0.0 : 1000.0 * windowMb / fetchMs, fetchMs <= 0 ? 0.0 : 1000.0 * windowMessages / fetchMs);
    }
}
