package io.samsa.tools;

import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerPerformanceOptionsTest {

    private static final String[] REQUIRED = {"--bootstrap-server", "h:1", "--topic", "t", "--messages", "10"};

    @Test
    void theBenchmarksCommandLineParsesWithKafkasDefaults() throws Exception {
        ConsumerPerformanceOptions o = ConsumerPerformanceOptions.parse("--bootstrap-server", "127.0.0.1:9092", "--topic",
                "bench-w1", "--messages", "3000000", "--timeout", "15000");
        assertEquals("127.0.0.1:9092", o.bootstrapServers());
        assertEquals("bench-w1", o.topic());
        assertEquals(3_000_000L, o.numMessages());
        assertEquals(15_000L, o.recordFetchTimeoutMs());
        assertTrue(o.groupId().matches("perf-consumer-\\d{1,5}"), o.groupId());
        assertEquals(1024 * 1024, o.fetchSize());
        assertEquals(2 * 1024 * 1024, o.socketBufferSize());
        assertNull(o.consumerConfigFile());
        assertEquals(5000L, o.reportingIntervalMs());
        assertEquals("yyyy-MM-dd HH:mm:ss:SSS", o.dateFormat());
        assertFalse(o.printMetrics() || o.showDetailedStats() || o.hideHeader() || o.fromLatest() || o.deprecatedThreads());
    }

    @Test
    void everyFlagIsRead() throws Exception {
        ConsumerPerformanceOptions o = ConsumerPerformanceOptions.parse("--bootstrap-server", "a:1,b:2", "--topic", "t",
                "--messages", "7", "--group", "g1", "--fetch-size", "4096", "--socket-buffer-size", "-1",
                "--consumer.config", "c.properties", "--print-metrics", "--show-detailed-stats", "--reporting-interval",
                "250", "--date-format", "HH:mm", "--hide-header", "--timeout", "99", "--from-latest");
        assertEquals(new ConsumerPerformanceOptions("a:1,b:2", "t", 7, "g1", 4096, -1, Path.of("c.properties"), true, true,
                250, "HH:mm", true, 99, true, false), o);
    }

    @Test
    void timeoutMayComeWithoutAValueAsInKafka() throws Exception {
        assertEquals(10_000L, ConsumerPerformanceOptions.parse(concat(REQUIRED, "--timeout")).recordFetchTimeoutMs());
        ConsumerPerformanceOptions o = ConsumerPerformanceOptions.parse("--timeout", "--bootstrap-server", "h:1",
                "--topic", "t", "--messages", "1");
        assertEquals(10_000L, o.recordFetchTimeoutMs());
        assertEquals(10_000L, ConsumerPerformanceOptions.parse(REQUIRED).recordFetchTimeoutMs());
    }

    @Test
    void kafkasDeprecatedFlagsAreAccepted() throws Exception {
        ConsumerPerformanceOptions old = ConsumerPerformanceOptions.parse("--broker-list", "old:1", "--topic", "t",
                "--messages", "1", "--threads", "4", "--num-fetch-threads", "2");
        assertEquals("old:1", old.bootstrapServers());
        assertTrue(old.deprecatedThreads());
        assertEquals("new:1", ConsumerPerformanceOptions.parse("--broker-list", "old:1", "--bootstrap-server", "new:1",
                "--topic", "t", "--messages", "1").bootstrapServers(), "--bootstrap-server wins");
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        List<String[]> bad = List.of(
                concat(REQUIRED, "--new-consumer"),
                new String[] {"--topic", "t", "--messages", "10"},
                new String[] {"--bootstrap-server", "h:1", "--messages", "10"},
                new String[] {"--bootstrap-server", "h:1", "--topic", "t"},
                new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages", "ten"},
                new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages", "0"},
                new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages", "-5"},
                concat(REQUIRED, "--fetch-size", "1MB"),
                concat(REQUIRED, "--reporting-interval", "0"),
                concat(REQUIRED, "--timeout", "-1"),
                concat(REQUIRED, "--date-format", "yyyy-qq"),
                concat(REQUIRED, "--group"),
                concat(REQUIRED, "stray"));
        for (String[] args : bad) {
            UsageException e = assertThrows(UsageException.class, () -> ConsumerPerformanceOptions.parse(args),
                    String.join(" ", args));
            assertFalse(e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
    }

    @Test
    void missingOptionsAreNamed() {
        UsageException e = assertThrows(UsageException.class, () -> ConsumerPerformanceOptions.parse("--bootstrap-server",
                "h:1", "--messages", "10"));
        assertEquals("Missing required option --topic", e.getMessage());
    }

    @Test
    void helpIsNotARun() throws Exception {
        assertNull(ConsumerPerformanceOptions.parse("--help"));
        assertNull(ConsumerPerformanceOptions.parse(concat(REQUIRED, "--help")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsumerPerformanceOptions.printHelp(out);
        for (String flag : List.of("--bootstrap-server", "--topic", "--messages", "--group", "--fetch-size",
                "--socket-buffer-size", "--consumer.config", "--print-metrics", "--show-detailed-stats",
                "--reporting-interval", "--date-format", "--hide-header", "--timeout", "--from-latest")) {
            assertTrue(out.toString().contains(flag), flag);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
