package io.samsa.systest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.ProcessCluster;
import io.samsa.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One broker process and what its log keeps across a crash: kill -9 in the middle of a produce
 * stream loses no acknowledged record and leaves no offset gap; a torn or corrupt tail appended to
 * the active segment after a crash is cut off at restart; SIGTERM shuts down cleanly (exit status,
 * clean-shutdown marker, registration removed at once).
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrashRecoverySystemTest {

    private static final int SESSION_TIMEOUT_MS = 6_000;
    /** Status of a JVM that ran its shutdown hooks on SIGTERM: 128 + 15. */
    private static final int SIGTERM_EXIT_STATUS = 143;

    @RegisterExtension
    static final LiveCluster LIVE = new LiveCluster("crash-recovery", 1, SESSION_TIMEOUT_MS);

    @ParameterizedTest(name = "acks={0}")
    @ValueSource(strings = {"1", "all"})
    void killDuringProduceStreamLosesNoAcknowledgedRecordAndLeavesNoGap(String acks) {
        ProcessCluster cluster = LIVE.cluster();
        String topic = "stream-acks-" + acks;
        Leaders.createTopic(LIVE.admin(), topic, 1);
        ProduceStream stream = new ProduceStream(ClusterClients.producer(cluster.bootstrapServers(), acks), topic, 0);
        int ackedAtKill;
        try {
            Wait.until("500 records acknowledged", Duration.ofSeconds(30), () -> stream.ackedCount() >= 500);
            cluster.kill9(0);
            ackedAtKill = stream.ackedCount();
            cluster.startBroker(0);
            cluster.awaitBrokerListening(0);
            Wait.until("500 more records acknowledged after the restart", Duration.ofSeconds(60),
                    () -> stream.ackedCount() >= ackedAtKill + 500);
            stream.stop();
        } finally {
            stream.close();
        }

        Map<Long, String> acked = stream.acked();
        assertEquals(List.of(), stream.conflicts(), "offsets acknowledged twice");
        List<ConsumerRecord<String, String>> log = ClusterClients.readAll(cluster.bootstrapServers(), new TopicPartition(topic, 0));
        for (int i = 0; i < log.size(); i++) {
            assertEquals(i, log.get(i).offset(), "offset gap after record " + (i - 1) + " of " + log.size());
        }
        if (acks.equals("all")) {
            // The idempotent producer's retries across the crash are recognised: no value is in the log twice.
            java.util.Set<String> values = new java.util.HashSet<>();
            for (ConsumerRecord<String, String> r : log) {
                assertTrue(values.add(r.value()), "duplicate of " + r.value() + " at offset " + r.offset());
            }
        }
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, String> e : acked.entrySet()) {
            long offset = e.getKey();
            if (offset >= log.size() || !e.getValue().equals(log.get((int) offset).value())) {
                lost.add("offset " + offset + ": acknowledged " + e.getValue() + ", read "
                        + (offset < log.size() ? log.get((int) offset).value() : "nothing (log ends at " + log.size() + ")"));
            }
        }
        assertEquals(List.of(), lost.subList(0, Math.min(10, lost.size())),
                lost.size() + " of " + acked.size() + " acknowledged records lost or changed (" + ackedAtKill
                        + " acknowledged before the kill, " + stream.sent() + " sent, " + stream.failures() + " failed)");
        long maxAcked = acked.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(maxAcked < log.size(), "log ends before the last acknowledged offset " + maxAcked);
        System.out.printf("acks=%s: %d sent, %d acknowledged (%d before the kill), %d failed, %d records in the log%n",
                acks, stream.sent(), acked.size(), ackedAtKill, stream.failures(), log.size());
    }

    @Test
    void tornAndCorruptTailsAreCutOffAtRestart() {
        ProcessCluster cluster = LIVE.cluster();
        String topic = "torn";
        int partitions = 4;
        Leaders.createTopic(LIVE.admin(), topic, partitions);
        Map<Integer, List<String>> written = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            written.put(p, new ArrayList<>());
        }
        // Partition 3 is complete before a clean restart, so its recovery point sits at its log end;
        // the others get a second half after it, so theirs sits in the middle of the active segment.
        produceBatches(topic, List.of(0, 1, 2, 3), 0, written);
        assertEquals(SIGTERM_EXIT_STATUS, cluster.stop(0));
        cluster.startBroker(0);
        LIVE.awaitWhole();
        Leaders.awaitAllLed(LIVE.admin(), topic, partitions, Duration.ofSeconds(30));
        produceBatches(topic, List.of(0, 1, 2), 25, written);

        cluster.kill9(0);
        Map<Integer, Long> sizes = new HashMap<>();
        Map<Integer, Path> segments = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            Path segment = SegmentTail.activeSegment(cluster.brokerLogDir(0).resolve(topic + "-" + p));
            segments.put(p, segment);
            sizes.put(p, size(segment));
        }
        SegmentTail.appendRandomBytes(segments.get(0), 1000, 42);
        SegmentTail.appendTornBatch(segments.get(1));
        SegmentTail.appendBatchWithBadCrc(segments.get(2));
        SegmentTail.appendRandomBytes(segments.get(3), 333, 7);
        for (int p = 0; p < partitions; p++) {
            assertTrue(size(segments.get(p)) > sizes.get(p));
        }

        cluster.startBroker(0);
        LIVE.awaitWhole();
        Leaders.awaitAllLed(LIVE.admin(), topic, partitions, Duration.ofSeconds(30));
        for (int p = 0; p < partitions; p++) {
            // Logs are recovered before the broker listens, so the cut has happened by now.
            assertEquals(sizes.get(p), size(segments.get(p)), "size of " + segments.get(p) + " after recovery");
            assertValues(written.get(p), topic, p);
        }
        try (KafkaProducer<String, String> producer = ClusterClients.producer(cluster.bootstrapServers(), "all")) {
            for (int p = 0; p < partitions; p++) {
                String value = "after-repair-" + p;
                long offset = ClusterClients.send(producer, new ProducerRecord<>(topic, p, "k", value)).offset();
                assertEquals(written.get(p).size(), offset, "offset of the first record after repair of " + topic + "-" + p);
                written.get(p).add(value);
            }
        }
        for (int p = 0; p < partitions; p++) {
            assertValues(written.get(p), topic, p);
        }
    }

    @Test
    void sigtermShutsDownCleanlyAndDeregistersAtOnce() {
        ProcessCluster cluster = LIVE.cluster();
        String topic = "sigterm";
        Leaders.createTopic(LIVE.admin(), topic, 2);
        Map<Integer, List<String>> written = new HashMap<>(Map.of(0, new ArrayList<>(), 1, new ArrayList<>()));
        produceBatches(topic, List.of(0, 1), 0, written);
        assertTrue(LIVE.zk().isRegistered(0));
        assertEquals(0, LIVE.zk().controller().orElse(-1));

        int logMark = cluster.brokerLog(0).length();
        assertEquals(SIGTERM_EXIT_STATUS, cluster.stop(0), "exit status after SIGTERM");
        // Checked at once: a broker that only died would keep these until its session expired.
        assertFalse(LIVE.zk().isRegistered(0), "/brokers/ids/0 still exists right after a clean shutdown");
        assertFalse(LIVE.zk().controller().isPresent(), "/controller still held right after a clean shutdown");
        assertTrue(Files.exists(cluster.brokerLogDir(0).resolve(".kafka_cleanshutdown")), "no clean-shutdown marker");
        String log = cluster.brokerLog(0).substring(logMark);
        assertTrue(log.contains("Samsa broker 0 shut down"), "shutdown not logged:\n" + log);
        assertFalse(log.contains("ERROR"), "errors during shutdown:\n" + log);

        logMark = cluster.brokerLog(0).length();
        cluster.startBroker(0);
        LIVE.awaitWhole();
        String restartLog = cluster.brokerLog(0).substring(logMark);
        assertFalse(restartLog.contains("still registered"), "waited for its own old registration:\n" + restartLog);
        assertFalse(restartLog.contains("No clean shutdown marker"), "recovered as after a crash:\n" + restartLog);
        assertFalse(Files.exists(cluster.brokerLogDir(0).resolve(".kafka_cleanshutdown")), "marker kept while running");
        Leaders.awaitAllLed(LIVE.admin(), topic, 2, Duration.ofSeconds(30));
        assertValues(written.get(0), topic, 0);
        assertValues(written.get(1), topic, 1);
    }

    /** Produces 25 records to each partition as 5 flushed batches of 5, numbered from {@code first}. */
    private static void produceBatches(String topic, List<Integer> partitions, int first, Map<Integer, List<String>> written) {
        try (KafkaProducer<String, String> producer = ClusterClients.producer(LIVE.cluster().bootstrapServers(), "all")) {
            for (int batch = 0; batch < 5; batch++) {
                List<Future<?>> acks = new ArrayList<>();
                for (int p : partitions) {
                    for (int i = 0; i < 5; i++) {
                        int n = first + batch * 5 + i;
                        String value = topic + "-" + p + "-record-" + n + "-" + "#".repeat(n % 17);
                        acks.add(producer.send(new ProducerRecord<>(topic, p, "k" + n, value)));
                        written.get(p).add(value);
                    }
                }
                producer.flush();
                for (Future<?> f : acks) {
                    assertTrue(f.isDone());
                    try {
                        f.get();
                    } catch (Exception e) {
                        throw new AssertionError("produce to " + topic + " failed", e);
                    }
                }
            }
        }
    }

    private static void assertValues(List<String> expected, String topic, int partition) {
        ClusterClients.assertValues(LIVE.cluster().bootstrapServers(), expected, topic, partition);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
