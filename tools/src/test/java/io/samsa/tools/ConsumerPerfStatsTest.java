package io.samsa.tools;

import io.samsa.common.MockTime;
import io.samsa.tools.cli.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerPerfStatsTest {

    /** Kafka 3.9.1's ConsumerPerformance header, as the bench's ConsumerPerformanceOutput reads it. */
    static final String KAFKA_HEADER = "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
            + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec";
    /** Its values line: two times in the default date format, then the figures with Kafka's decimals. */
    static final Pattern KAFKA_VALUES = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3}, "
            + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d:\\d{3}, \\d+\\.\\d{4}, \\d+\\.\\d{4}, \\d+, \\d+\\.\\d{4}, \\d+, -?\\d+, "
            + "(\\d+\\.\\d{4}|Infinity|NaN), (\\d+\\.\\d{4}|Infinity|NaN)$");
    /** 2026-11-22 13:21:24:200 UTC, the start of the Kafka run in bench's perf-output/consumer-performance.txt. */
    static final long KAFKA_RUN_START_MS = 1_795_353_684_200L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void theSameFiguresGiveKafkasLineCharacterForCharacter() {
        // Kafka's W3 run: 3,000,000 records of 100 B in 1629 ms, 296 ms of them joining the group.
        ConsumerPerfStats stats = stats(false);
        stats.rebalanced(296);
        stats.record(3_000_000, 300_000_000L, KAFKA_RUN_START_MS + 1629);
        assertEquals("2026-11-22 13:21:24:200, 2026-11-22 13:21:25:829, 286.1023, 175.6306, 3000000, 1841620.6262, "
                + "296, 1333, 214.6304, 2250562.6407", stats.summary(KAFKA_RUN_START_MS, KAFKA_RUN_START_MS + 1629));
        assertTrue(KAFKA_VALUES.matcher(stats.summary(KAFKA_RUN_START_MS, KAFKA_RUN_START_MS + 1629)).matches());
    }

    @Test
    void aRunThatGaveUpPrintsKafkasWarningThenTheSummary() {
        long start = KAFKA_RUN_START_MS + 7517;
        ConsumerPerfStats stats = stats(false);
        ConsumerPerfStats.printHeader(out, false);
        stats.rebalanced(462);
        stats.record(300_000, 30_000_000L, start + 900);
        stats.printTimeoutWarning(2000);
        stats.printSummary(start, start + 2961);
        assertEquals(List.of(KAFKA_HEADER,
                "WARNING: Exiting before consuming the expected number of messages: timeout (2000 ms) exceeded. "
                        + "You can use the --timeout option to increase the timeout.",
                "2026-11-22 13:21:31:717, 2026-11-22 13:21:34:678, 28.6102, 9.6624, 300000, 101317.1226, 462, 2499, "
                        + "11.4487, 120048.0192"), lines());
    }

    @Test
    void detailedStatsPrintAProgressLinePerIntervalAndNoSummary() {
        ConsumerPerfStats stats = stats(true);
        ConsumerPerfStats.printHeader(out, true);
        stats.rebalanced(250);
        stats.record(1000, 1024 * 1024, KAFKA_RUN_START_MS + 600);
        stats.record(1000, 1024 * 1024, KAFKA_RUN_START_MS + 1000);
        stats.record(500, 512 * 1024, KAFKA_RUN_START_MS + 1500);
        stats.record(500, 512 * 1024, KAFKA_RUN_START_MS + 2000);
        stats.printSummary(KAFKA_RUN_START_MS, KAFKA_RUN_START_MS + 2000);
        assertEquals(List.of("time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, "
                        + "rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
                // The first second: 2 MiB and 2000 records, 250 ms of it rebalancing.
                "2026-11-22 13:21:25:200, 0, 2.0000, 2.0000, 2000, 2000.0000, 250, 750, 2.6667, 2666.6667",
                // The next: 1 MiB and 1000 records, no rebalance (Kafka's tool would print 0 here too).
                "2026-11-22 13:21:26:200, 0, 3.0000, 1.0000, 3000, 1000.0000, 0, 1000, 1.0000, 1000.0000"), lines());
        assertEquals(3000, stats.messages());
        assertEquals(3 * 1024 * 1024, stats.bytes());
        assertEquals(250, stats.rebalanceMs());
    }

    @Test
    void aWindowSpentRebalancingHasNoFetchRate() {
        ConsumerPerfStats stats = stats(true);
        stats.rebalanced(1000);
        stats.record(10, 10, KAFKA_RUN_START_MS + 1000);
        assertEquals("2026-11-22 13:21:25:200, 0, 0.0000, 0.0000, 10, 10.0000, 1000, 0, 0.0000, 0.0000", lines().get(0));
    }

    @Test
    void noProgressLineBeforeTheIntervalNorWithoutDetailedStats() {
        ConsumerPerfStats quiet = stats(false);
        quiet.record(5, 50, KAFKA_RUN_START_MS + 10_000);
        ConsumerPerfStats early = stats(true);
        early.record(5, 50, KAFKA_RUN_START_MS + 999);
        assertEquals(List.of(), lines());
    }

    @Test
    void onATerminalAProgressLineCountsTheRecordsAndGivesWayToKafkasLines() {
        MockTime time = new MockTime();
        SimpleDateFormat format = new SimpleDateFormat(ConsumerPerformanceOptions.DEFAULT_DATE_FORMAT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        // One stream for both, as on a terminal: the progress line must be erased before each of Kafka's lines.
        ConsumerPerfStats stats = new ConsumerPerfStats(out, format, true, 1000, KAFKA_RUN_START_MS, 10,
                Progress.shownOn(out, time));
        stats.record(2, 100, KAFKA_RUN_START_MS + 500);
        time.advance(1_000); // past the progress line's least interval
        stats.record(3, 100, KAFKA_RUN_START_MS + 1000);
        stats.printSummary(KAFKA_RUN_START_MS, KAFKA_RUN_START_MS + 1000);
        String first = "2 of 10 records consumed (20%)";
        String second = "5 of 10 records consumed (50%)";
        assertEquals("\r" + first + "\r" + " ".repeat(first.length()) + "\r"
                        + "2026-11-22 13:21:25:200, 0, 0.0002, 0.0002, 5, 5.0000, 0, 1000, 0.0002, 5.0000" + System.lineSeparator()
                        + "\r" + second + "\r" + " ".repeat(second.length()) + "\r",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATerminalOnlyKafkasLinesArePrinted() {
        SimpleDateFormat format = new SimpleDateFormat(ConsumerPerformanceOptions.DEFAULT_DATE_FORMAT);
        ConsumerPerfStats stats = new ConsumerPerfStats(out, format, false, 1000, KAFKA_RUN_START_MS, 10, Progress.none());
        stats.record(10, 100, KAFKA_RUN_START_MS + 500);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        assertEquals("10 of 10 records consumed (100%)", stats.progressLine());
    }

    private ConsumerPerfStats stats(boolean detailed) {
        SimpleDateFormat format = new SimpleDateFormat(ConsumerPerformanceOptions.DEFAULT_DATE_FORMAT);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return new ConsumerPerfStats(out, format, detailed, 1000, KAFKA_RUN_START_MS);
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
