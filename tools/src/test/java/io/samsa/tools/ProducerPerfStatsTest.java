package io.samsa.tools;

import io.samsa.common.MockTime;
import io.samsa.tools.cli.Progress;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerPerfStatsTest {

    /** The summary line as Kafka 3.9.1's ProducerPerformance prints it (and the bench parses it). */
    static final Pattern KAFKA_SUMMARY = Pattern.compile("^\\d+ records sent, \\d+\\.\\d{6} records/sec \\(\\d+\\.\\d{2} MB/sec\\), "
            + "(\\d+\\.\\d{2}|NaN) ms avg latency, \\d+\\.\\d{2} ms max latency, \\d+ ms 50th, \\d+ ms 95th, \\d+ ms 99th, "
            + "\\d+ ms 99\\.9th\\.$");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void summaryHasKafkasFiguresAndFormat() {
        ProducerPerfStats stats = new ProducerPerfStats(1000, 5000, 0, out);
        for (int i = 1; i <= 1000; i++) {
            stats.record(i, 100, 1);
        }
        String line = stats.summary(2000);
        assertTrue(KAFKA_SUMMARY.matcher(line).matches(), line);
        assertEquals("1000 records sent, 500.000000 records/sec (0.05 MB/sec), 500.50 ms avg latency, 1000.00 ms max latency, "
                + "501 ms 50th, 951 ms 95th, 991 ms 99th, 1000 ms 99.9th.", line);
    }

    @Test
    void percentilesComeFromEveryNthRecordBeyondHalfAMillion() {
        ProducerPerfStats stats = new ProducerPerfStats(1_500_000, 5000, 0, out);
        for (int i = 0; i < 1_500_000; i++) {
            // Every third record (0, 3, 6, ...) is sampled: those all took 7 ms, the others 1000 ms.
            stats.record(i % 3 == 0 ? 7 : 1000, 1, 1);
        }
        assertArrayEquals(new int[] {7, 7}, stats.percentiles(0.5, 0.999));
    }

    @Test
    void aProgressLineEveryReportingInterval() {
        ProducerPerfStats stats = new ProducerPerfStats(10, 5000, 0, out);
        stats.record(4, 1024 * 1024, 1000);
        stats.record(6, 1024 * 1024, 5000);
        stats.record(9, 1024 * 1024, 6000);
        assertEquals("2 records sent, 0.4 records/sec (0.40 MB/sec), 5.0 ms avg latency, 6.0 ms max latency.\n",
                bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertEquals(3, stats.count());
    }

    @Test
    void onATerminalAProgressLineCountsAcknowledgedRecordsAndGivesWayToKafkasLines() {
        MockTime time = new MockTime();
        // One stream for both, as on a terminal: the progress line must be erased before each of Kafka's lines.
        ProducerPerfStats stats = new ProducerPerfStats(10, 5000, 0, out, Progress.shownOn(out, time));
        stats.record(4, 1024 * 1024, 1000);
        time.advance(1_000); // past the progress line's least interval
        stats.record(6, 1024 * 1024, 5000);
        stats.printTotal(6000);
        String first = "1 of 10 records sent (10%)";
        String second = "2 of 10 records sent (20%)";
        assertEquals("\r" + first + "\r" + " ".repeat(first.length()) + "\r"
                + "2 records sent, 0.4 records/sec (0.40 MB/sec), 5.0 ms avg latency, 6.0 ms max latency." + System.lineSeparator()
                + "\r" + second + "\r" + " ".repeat(second.length()) + "\r" + stats.summary(6000) + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutATerminalTheProgressLineIsNotPrinted() {
        ProducerPerfStats stats = new ProducerPerfStats(4, 5000, 0, out, Progress.none());
        stats.record(4, 1, 1);
        stats.record(4, 1, 2);
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
        assertEquals("2 of 4 records sent (50%)", stats.progressLine());
    }

    @Test
    void noAcknowledgedRecordStillPrintsASummary() {
        ProducerPerfStats stats = new ProducerPerfStats(5, 5000, 0, out);
        String line = stats.summary(1000);
        assertEquals("0 records sent, 0.000000 records/sec (0.00 MB/sec), NaN ms avg latency, 0.00 ms max latency, "
                + "0 ms 50th, 0 ms 95th, 0 ms 99th, 0 ms 99.9th.", line);
    }
}
