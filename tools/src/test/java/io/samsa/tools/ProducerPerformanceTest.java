package io.samsa.tools;

import io.samsa.clients.producer.Callback;
import io.samsa.clients.producer.Producer;
import io.samsa.clients.producer.ProducerRecord;
import io.samsa.clients.producer.RecordMetadata;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.MockTime;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tool's loop against a producer that acknowledges at once, on a mock clock. */
class ProducerPerformanceTest {

    private final MockTime time = new MockTime(0);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void sendsEveryRecordAndPrintsKafkasSummary() throws Exception {
        RecordingProducer producer = new RecordingProducer(time, 3, -1);
        ProducerPerformanceOptions o = ProducerPerformanceOptions.parse("--topic", "t", "--num-records", "50",
                "--record-size", "10", "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1");
        new ProducerPerformance(time, out).run(o, producer, List.of());
        assertEquals(50, producer.values.size());
        for (String v : producer.values) {
            assertTrue(v.matches("[A-Z]{10}"), v);
        }
        assertTrue(producer.closed);
        String summary = lastLine();
        assertTrue(ProducerPerfStatsTest.KAFKA_SUMMARY.matcher(summary).matches(), summary);
        assertTrue(summary.startsWith("50 records sent, ") && summary.contains(" 3.00 ms avg latency, 3.00 ms max latency, 3 ms 50th"),
                summary);
    }

    @Test
    void failedSendsAreLeftOutOfTheCount() throws Exception {
        RecordingProducer producer = new RecordingProducer(time, 1, 7);
        ProducerPerformanceOptions o = ProducerPerformanceOptions.parse("--topic", "t", "--num-records", "10",
                "--payload-monotonic", "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1");
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            new ProducerPerformance(time, out).run(o, producer, List.of());
        } finally {
            System.setErr(err);
        }
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), producer.values);
        assertTrue(lastLine().startsWith("9 records sent, "), lastLine());
    }

    @Test
    void propsFollowKafkasPrecedenceAndDefaults() throws Exception {
        ProducerPerformanceOptions o = ProducerPerformanceOptions.parse("--topic", "t", "--num-records", "1",
                "--record-size", "1", "--throughput", "-1", "--producer-props", "bootstrap.servers=h:1", "value.serializer=x");
        Properties p = ProducerPerformance.producerProps(o);
        assertEquals("h:1", p.getProperty("bootstrap.servers"));
        assertEquals(ProducerPerformance.DEFAULT_CLIENT_ID, p.getProperty("client.id"));
        assertEquals(null, p.getProperty("value.serializer"), "the tool's byte-array serializers always apply");
    }

    @Test
    void aBadCommandLineExitsTwoWithOneErrorLineAndTheUsage() {
        for (String[] args : List.of(new String[] {"--topic", "t", "--bogus"},
                new String[] {"--num-records", "5", "--throughput", "-1", "--record-size", "1", "--producer-props", "a=1"},
                new String[] {"--topic", "t", "--num-records", "many", "--throughput", "-1", "--record-size", "1",
                        "--producer-props", "a=1"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = ProducerPerformance.execute(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, status, String.join(" ", args));
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertTrue(lines.get(0).startsWith("samsa-producer-perf-test: error: "), lines.get(0));
            assertTrue(lines.stream().anyMatch(l -> l.contains("--producer-props")), "the usage follows the error");
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing on standard output");
    }

    @Test
    void helpAndNoArgumentsPrintTheUsageAndExitZero() {
        assertEquals(0, ProducerPerformance.execute(new String[] {"--help"}, out, System.err));
        assertEquals(0, ProducerPerformance.execute(new String[0], out, System.err));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--num-records"));
    }

    @Test
    @Timeout(30)
    void aDeadBootstrapServerFailsWithinSecondsNamingIt() throws IOException {
        String dead = deadAddress();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = ProducerPerformance.execute(new String[] {"--topic", "t", "--num-records", "5", "--record-size", "1",
            "--throughput", "-1", "--producer-props", "bootstrap.servers=" + dead}, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertEquals("samsa-producer-perf-test: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                + " refused the connection", err.toString(StandardCharsets.UTF_8).strip());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "not max.block.ms per record");
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    /** A loopback address nothing listens on: connecting to it is refused at once. */
    static String deadAddress() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }

    private String lastLine() {
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** Acknowledges each record {@code latencyMs} after its send; fails the one numbered {@code failIndex}. */
    private static final class RecordingProducer implements Producer<byte[], byte[]> {
        final List<String> values = new ArrayList<>();
        final MockTime time;
        final long latencyMs;
        final int failIndex;
        boolean closed;

        RecordingProducer(MockTime time, long latencyMs, int failIndex) {
            this.time = time;
            this.latencyMs = latencyMs;
            this.failIndex = failIndex;
        }

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            return send(record, null);
        }

        @Override
        public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            values.add(new String(record.value(), StandardCharsets.US_ASCII));
            time.advance(latencyMs);
            TopicPartition tp = new TopicPartition(record.topic(), 0);
            if (values.size() - 1 == failIndex) {
                callback.onCompletion(new RecordMetadata(tp, -1, -1, -1, -1, -1), new TimeoutException("expired"));
                return CompletableFuture.failedFuture(new TimeoutException("expired"));
            }
            RecordMetadata m = new RecordMetadata(tp, values.size() - 1, 0, time.milliseconds(), -1, record.value().length);
            callback.onCompletion(m, null);
            return CompletableFuture.completedFuture(m);
        }

        @Override
        public void flush() {
        }

        @Override
        public List<PartitionInfo> partitionsFor(String topic) {
            return List.of();
        }

        @Override
        public Map<MetricName, ? extends Metric> metrics() {
            return Map.of();
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public void close(Duration timeout) {
            closed = true;
        }
    }
}
