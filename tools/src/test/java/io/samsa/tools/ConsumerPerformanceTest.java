package io.samsa.tools;

import io.samsa.clients.consumer.Consumer;
import io.samsa.clients.consumer.ConsumerRebalanceListener;
import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.ConsumerRecords;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TopicAuthorizationException;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's loop against a consumer that returns scripted polls, on a mock clock. */
class ConsumerPerformanceTest {

    private static final TopicPartition TP0 = new TopicPartition("t", 0);
    private static final TopicPartition TP1 = new TopicPartition("t", 1);
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final MockTime time = new MockTime(ConsumerPerfStatsTest.KAFKA_RUN_START_MS);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void readsUntilEnoughAndPrintsKafkasSummary() throws Exception {
        ScriptedConsumer consumer = new ScriptedConsumer(time);
        consumer.poll(l -> {
            time.advance(300);
            l.onPartitionsAssigned(List.of(TP0, TP1));
            time.advance(100);
            return records(TP0, 4, 16, 1024);
        });
        consumer.poll(l -> {
            time.advance(100);
            return records(TP1, 4, 0, 1024);
        });
        consumer.poll(l -> {
            time.advance(100);
            return records(TP0, 4, 16, 1024);
        });
        run(consumer, "--bootstrap-server", "h:1", "--topic", "t", "--messages", "10");
        assertEquals(List.of("t"), consumer.subscribed);
        assertTrue(consumer.closed);
        assertEquals(3, consumer.polls, "stops once it has the records asked for");
        List<String> lines = lines();
        assertEquals(List.of(ConsumerPerfStatsTest.KAFKA_HEADER,
                // 12 records (Kafka's tool counts the whole last poll too) of 1 KiB values, 8 of them with 16 B keys,
                // in 600 ms, 300 of them joining the group.
                "2026-11-22 13:21:24:200, 2026-11-22 13:21:24:800, 0.0118, 0.0197, 12, 20.0000, 300, 300, 0.0395, 40.0000"),
                lines);
        assertTrue(ConsumerPerfStatsTest.KAFKA_VALUES.matcher(lines.get(1)).matches());
    }

    @Test
    void givesUpAfterTheTimeoutWithoutRecordsWithKafkasWarning() throws Exception {
        ScriptedConsumer consumer = new ScriptedConsumer(time);
        consumer.poll(l -> {
            l.onPartitionsAssigned(List.of(TP0));
            time.advance(50);
            return records(TP0, 5, 0, 100);
        });
        run(consumer, "--bootstrap-server", "h:1", "--topic", "t", "--messages", "10", "--timeout", "1000");
        // Empty polls of 100 ms each until more than 1000 ms have passed since the last record.
        assertEquals(1 + 11, consumer.polls);
        assertTrue(consumer.closed);
        List<String> lines = lines();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals(ConsumerPerfStatsTest.KAFKA_HEADER, lines.get(0));
        assertEquals("WARNING: Exiting before consuming the expected number of messages: timeout (1000 ms) exceeded. "
                + "You can use the --timeout option to increase the timeout.", lines.get(1));
        assertTrue(lines.get(2).startsWith("2026-11-22 13:21:24:200, 2026-11-22 13:21:25:350, 0.0005, 0.0004, 5, 4.3478, 0, 1150, "),
                lines.get(2));
    }

    @Test
    void rebalancesAfterTheFirstAreTimedFromTheRevocation() throws Exception {
        ScriptedConsumer consumer = new ScriptedConsumer(time);
        consumer.poll(l -> {
            time.advance(200);
            l.onPartitionsAssigned(List.of(TP0));
            return records(TP0, 1, 0, 10);
        });
        consumer.poll(l -> {
            time.advance(1000);
            l.onPartitionsRevoked(List.of(TP0));
            time.advance(70);
            l.onPartitionsAssigned(List.of(TP0));
            return records(TP0, 1, 0, 10);
        });
        run(consumer, "--bootstrap-server", "h:1", "--topic", "t", "--messages", "2", "--hide-header");
        List<String> lines = lines();
        assertEquals(1, lines.size(), "no header with --hide-header");
        assertTrue(lines.get(0).contains(", 2, ") && lines.get(0).contains(", 270, 1000, "), lines.get(0));
    }

    @Test
    void detailedStatsPrintProgressLinesInsteadOfTheSummary() throws Exception {
        ScriptedConsumer consumer = new ScriptedConsumer(time);
        for (int i = 0; i < 4; i++) {
            consumer.poll(l -> {
                time.advance(600);
                return records(TP0, 100, 0, 100);
            });
        }
        run(consumer, "--bootstrap-server", "h:1", "--topic", "t", "--messages", "400", "--show-detailed-stats",
                "--reporting-interval", "1000");
        List<String> lines = lines();
        assertEquals(List.of(ConsumerPerfStats.DETAILED_HEADER,
                "2026-11-22 13:21:25:400, 0, 0.0191, 0.0159, 200, 166.6667, 0, 1200, 0.0159, 166.6667",
                "2026-11-22 13:21:26:600, 0, 0.0381, 0.0159, 400, 166.6667, 0, 1200, 0.0159, 166.6667"), lines);
    }

    @Test
    void printMetricsAddsTheTableAfterTheSummary() throws Exception {
        ScriptedConsumer consumer = new ScriptedConsumer(time);
        consumer.poll(l -> {
            time.advance(10);
            return records(TP0, 1, 0, 1);
        });
        MetricName name = new MetricName("records-consumed-total", "consumer-fetch-manager-metrics", "", Map.of());
        consumer.metrics.put(name, new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return 1.0;
            }
        });
        run(consumer, "--bootstrap-server", "h:1", "--topic", "t", "--messages", "1", "--print-metrics");
        List<String> lines = lines();
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(ConsumerPerfStatsTest.KAFKA_VALUES.matcher(lines.get(1)).matches(), lines.get(1));
        assertEquals("", lines.get(2));
        assertEquals("consumer-fetch-manager-metrics:records-consumed-total:{} : 1.000", lines.get(4));
    }

    @Test
    void aConsumerThatFailsIsClosedAndTheFailureThrown() throws Exception {
        ScriptedConsumer consumer = new ScriptedConsumer(time);
        consumer.poll(l -> {
            throw new TopicAuthorizationException("Not authorized to read t");
        });
        ConsumerPerformanceOptions o = ConsumerPerformanceOptions.parse("--bootstrap-server", "h:1", "--topic", "t",
                "--messages", "1");
        assertThrows(TopicAuthorizationException.class,
                () -> new ConsumerPerformance(time, out, UTC).run(o, consumer.asConsumer()));
        assertTrue(consumer.closed);
    }

    @Test
    void bytesAreKeysPlusValuesAndNullsCountNothing() {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
        byPartition.put(TP0, List.of(new ConsumerRecord<>("t", 0, 0, new byte[3], new byte[10]),
                new ConsumerRecord<>("t", 0, 1, null, new byte[7])));
        byPartition.put(TP1, List.of(new ConsumerRecord<>("t", 1, 0, new byte[2], null)));
        assertEquals(22, ConsumerPerformance.keyAndValueBytes(new ConsumerRecords<>(byPartition)));
    }

    @Test
    void propsFollowKafkasToolTheFlagsWinningOverTheFile() throws Exception {
        Path file = dir.resolve("consumer.properties");
        Files.writeString(file, "bootstrap.servers=file:1\ngroup.id=from-file\nclient.id=mine\nfetch.min.bytes=1000\n"
                + "value.deserializer=org.example.Nope\ncheck.crcs=true\n");
        Properties p = ConsumerPerformance.consumerProps(ConsumerPerformanceOptions.parse("--bootstrap-server", "h:1",
                "--topic", "t", "--messages", "1", "--group", "g", "--consumer.config", file.toString(), "--fetch-size",
                "500", "--socket-buffer-size", "4096", "--from-latest"));
        assertEquals("h:1", p.getProperty("bootstrap.servers"));
        assertEquals("g", p.getProperty("group.id"));
        assertEquals("mine", p.getProperty("client.id"), "a client id from the file is kept");
        assertEquals("1000", p.getProperty("fetch.min.bytes"));
        assertEquals("500", p.getProperty("max.partition.fetch.bytes"));
        assertEquals("4096", p.getProperty("receive.buffer.bytes"));
        assertEquals("latest", p.getProperty("auto.offset.reset"));
        assertEquals("false", p.getProperty("check.crcs"));
        assertNull(p.getProperty("value.deserializer"), "the tool's byte-array deserializers always apply");

        Properties d = ConsumerPerformance.consumerProps(ConsumerPerformanceOptions.parse("--bootstrap-server", "h:1",
                "--topic", "t", "--messages", "1"));
        assertEquals("earliest", d.getProperty("auto.offset.reset"));
        assertEquals(ConsumerPerformance.DEFAULT_CLIENT_ID, d.getProperty("client.id"));
        assertEquals(Integer.toString(1024 * 1024), d.getProperty("max.partition.fetch.bytes"));
        assertEquals(Integer.toString(2 * 1024 * 1024), d.getProperty("receive.buffer.bytes"));
        assertTrue(d.getProperty("group.id").startsWith("perf-consumer-"));
        assertNull(d.getProperty("enable.auto.commit"), "left at the consumer's default, as Kafka's tool leaves it");
    }

    @Test
    void aBadCommandLineExitsTwoWithOneErrorLineAndTheUsage() {
        for (String[] args : List.of(new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages", "1", "--bogus"},
                new String[] {"--bootstrap-server", "h:1", "--messages", "1"},
                new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages", "lots"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = ConsumerPerformance.execute(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, String.join(" ", args));
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertTrue(lines.get(0).startsWith("samsa-consumer-perf-test: error: "), lines.get(0));
            assertTrue(lines.stream().skip(1).anyMatch(l -> l.contains("--bootstrap-server")), "the usage follows the error");
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing on standard output");
    }

    @Test
    void helpAndNoArgumentsPrintTheUsageAndExitZero() {
        assertEquals(0, ConsumerPerformance.execute(new String[] {"--help"}, out, System.err));
        assertEquals(0, ConsumerPerformance.execute(new String[0], out, System.err));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--messages"));
    }

    @Test
    void aConsumerThatCannotBeCreatedExitsOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ConsumerPerformance.execute(new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages",
                "1", "--consumer.config", dir.resolve("missing.properties").toString()}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals("samsa-consumer-perf-test: --consumer.config " + dir.resolve("missing.properties") + ": no such file",
                err.toString(StandardCharsets.UTF_8).strip(), "one line, no stack trace");
    }

    @Test
    void kafkasDeprecatedThreadOptionsAreIgnoredWithANoteOnStandardError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ConsumerPerformance.execute(new String[] {"--bootstrap-server", "h:1", "--topic", "t", "--messages",
                "1", "--threads", "4", "--num-fetch-threads", "2", "--consumer.config",
                dir.resolve("missing.properties").toString()}, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals(List.of("WARNING: option [threads] and [num-fetch-threads] have been deprecated and will be ignored "
                        + "by the test", "samsa-consumer-perf-test: --consumer.config " + dir.resolve("missing.properties")
                        + ": no such file"), err.toString(StandardCharsets.UTF_8).lines().toList());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "standard output keeps only Kafka's stats lines");
    }

    @Test
    @Timeout(30)
    void aDeadBootstrapServerFailsWithinSecondsNamingIt() throws Exception {
        String dead = ProducerPerformanceTest.deadAddress();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ConsumerPerformance.execute(new String[] {"--bootstrap-server", dead, "--topic", "t", "--messages",
            "1"}, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals("samsa-consumer-perf-test: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                + " refused the connection", err.toString(StandardCharsets.UTF_8).strip());
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "no header for a run that never started");
    }

    private void run(ScriptedConsumer consumer, String... args) throws UsageException {
        new ConsumerPerformance(time, out, UTC).run(ConsumerPerformanceOptions.parse(args), consumer.asConsumer());
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static ConsumerRecords<byte[], byte[]> records(TopicPartition tp, int count, int keySize, int valueSize) {
        List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new ConsumerRecord<>(tp.topic(), tp.partition(), i, keySize == 0 ? null : new byte[keySize],
                    new byte[valueSize]));
        }
        return new ConsumerRecords<>(Map.of(tp, list));
    }

    /**
     * A consumer whose polls run scripted steps (which may move the clock and call the rebalance
     * listener); once the script is done, each poll waits out its timeout and returns nothing. The
     * tool calls only subscribe, poll, metrics and close; any other call fails the test.
     */
    private static final class ScriptedConsumer {
        final MockTime time;
        final Deque<Function<ConsumerRebalanceListener, ConsumerRecords<byte[], byte[]>>> steps = new ArrayDeque<>();
        final Map<MetricName, Metric> metrics = new LinkedHashMap<>();
        List<String> subscribed;
        ConsumerRebalanceListener listener;
        int polls;
        boolean closed;

        ScriptedConsumer(MockTime time) {
            this.time = time;
        }

        void poll(Function<ConsumerRebalanceListener, ConsumerRecords<byte[], byte[]>> step) {
            steps.add(step);
        }

        @SuppressWarnings("unchecked")
        Consumer<byte[], byte[]> asConsumer() {
            return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                    new Class<?>[] {Consumer.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "subscribe" -> {
                            subscribed = List.copyOf((Collection<String>) args[0]);
                            listener = (ConsumerRebalanceListener) args[1];
                            yield null;
                        }
                        case "poll" -> {
                            polls++;
                            if (steps.isEmpty()) {
                                time.advance(((Duration) args[0]).toMillis());
                                yield ConsumerRecords.empty();
                            }
                            yield steps.poll().apply(listener);
                        }
                        case "metrics" -> metrics;
                        case "close" -> {
                            closed = true;
                            yield null;
                        }
                        default -> throw new AssertionError("the tool should not call " + method);
                    });
        }
    }
}
