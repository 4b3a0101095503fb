package io.samsa.core.log;

import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;
import io.samsa.core.test.SamsaCluster;
import io.samsa.record.MemoryRecords;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Log compaction end to end with Apache kafka-clients 3.9.1: the broker's cleaner thread
 * compacts a topic while clients produce, consumers reading from the start see the newest value
 * of every live key and nothing of deleted ones, and a broker restarted in the middle of a
 * cleaning (its log directory left with a half-swapped cleaned segment) loses nothing.
 */
@Tag("integration")
@Timeout(180)
class LogCompactionIntegrationTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of(CleanerConfig.BACKOFF_MS, "50"));

    private static Properties common() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return p;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = common();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // Batches must fit the tiny test segments.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "512");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static void createCompactedTopic(String name, Map<String, String> extra) throws Exception {
        Map<String, String> configs = new HashMap<>(Map.of(
                "cleanup.policy", "compact",
                "segment.bytes", "2048",
                "min.cleanable.dirty.ratio", "0.01",
                "delete.retention.ms", "1000"));
        configs.putAll(extra);
        try (Admin admin = Admin.create(common())) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1).configs(configs))).all().get();
        }
        cluster.waitForTopic(name, 1);
    }

    /** Sends every update, waits for all acks; returns (offset -> [key, value]) as the broker placed them. */
    private static Map<Long, String[]> send(KafkaProducer<String, String> producer, String topic, List<String[]> kvs)
            throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (String[] kv : kvs) {
            acks.add(producer.send(new ProducerRecord<>(topic, 0, kv[0], kv[1])));
        }
        Map<Long, String[]> placed = new HashMap<>();
        for (int i = 0; i < kvs.size(); i++) {
            placed.put(acks.get(i).get().offset(), kvs.get(i));
        }
        return placed;
    }

    private static List<String[]> updates(int keys, int rounds, String tag) {
        List<String[]> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < keys; k++) {
                out.add(new String[]{"key-" + k, tag + "-" + k + "-" + r});
            }
        }
        return out;
    }

    /** Everything a consumer reading the partition from the beginning gets, up to the end offset. */
    private static List<ConsumerRecord<String, String>> consumeAll(String topic) {
        Properties p = common();
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            org.apache.kafka.common.TopicPartition tp = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            long end = consumer.endOffsets(Set.of(tp)).get(tp);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(tp) < end) {
                assertTrue(System.nanoTime() < deadline, "timed out consuming " + topic);
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
        }
        return got;
    }

    private static Map<String, String> materialize(List<ConsumerRecord<String, String>> records) {
        Map<String, String> view = new LinkedHashMap<>();
        long previous = -1;
        for (ConsumerRecord<String, String> r : records) {
            assertTrue(r.offset() > previous, "offsets increase");
            previous = r.offset();
            if (r.value() == null) {
                view.remove(r.key());
            } else {
                view.put(r.key(), r.value());
            }
        }
        return view;
    }

    private static Log brokerLog(String topic) {
        return cluster.broker(0).logManager().getLog(new TopicPartition(topic, 0));
    }

    /** Keys with any record (tombstones included) in the broker's log, read straight from it. */
    private static Map<String, Integer> recordsPerKey(Log log) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        long offset = log.logStartOffset();
        while (offset < log.logEndOffset()) {
            FetchDataInfo info = log.read(offset, 1 << 20, FetchIsolation.LOG_END, true);
            if (info.slice().isEmpty()) {
                break;
            }
            for (RecordBatch b : MemoryRecords.readableRecords(info.slice().readFully()).batches()) {
                for (Record r : b) {
                    ByteBuffer key = r.key();
                    byte[] bytes = new byte[key.remaining()];
                    key.get(bytes);
                    counts.merge(new String(bytes, StandardCharsets.UTF_8), 1, Integer::sum);
                }
                offset = b.lastOffset() + 1;
            }
        }
        return counts;
    }

    @Test
    void aCompactedTopicKeepsTheNewestValueOfEveryLiveKeyAndForgetsDeletedOnes() throws Exception {
        String topic = "compacted-updates";
        createCompactedTopic(topic, Map.of());
        Map<String, String> expected = new LinkedHashMap<>();
        int produced = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            List<String[]> first = updates(40, 30, "v");
            send(producer, topic, first);
            produced += first.size();
            for (String[] kv : first) {
                expected.put(kv[0], kv[1]);
            }
            List<String[]> deletes = new ArrayList<>();
            for (int k = 0; k < 40; k += 4) {
                deletes.add(new String[]{"key-" + k, null});
                expected.remove("key-" + k);
            }
            send(producer, topic, deletes);
            produced += deletes.size();
            // Later updates of the live keys roll the tombstones out of the active segment.
            List<String[]> later = new ArrayList<>();
            for (String[] kv : updates(40, 12, "w")) {
                if (expected.containsKey(kv[0])) {
                    later.add(kv);
                    expected.put(kv[0], kv[1]);
                }
            }
            send(producer, topic, later);
            produced += later.size();
        }
        Log log = brokerLog(topic);
        assertNotNull(log);
        Set<String> deleted = new java.util.HashSet<>();
        for (int k = 0; k < 40; k += 4) {
            deleted.add("key-" + k);
        }
        // The cleaner compacts on its own; after delete.retention.ms it drops the tombstones too.
        Wait.until("the deleted keys to vanish from the compacted log", Duration.ofSeconds(60), () -> {
            try {
                Map<String, Integer> counts = recordsPerKey(log);
                return deleted.stream().noneMatch(counts::containsKey);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<ConsumerRecord<String, String>> read = consumeAll(topic);
        assertEquals(expected, materialize(read));
        assertTrue(read.stream().noneMatch(r -> deleted.contains(r.key())), "no record of a deleted key is left");
        assertTrue(read.size() < produced / 4, read.size() + " records left of " + produced);
        LogCleaner cleaner = cluster.broker(0).logManager().cleaner();
        assertNotNull(cleaner.cleanedUpTo(log));
        assertEquals(0, dirFiles(log.dir(), LogFileNames.CLEANED_SUFFIX) + dirFiles(log.dir(), LogFileNames.SWAP_SUFFIX));
    }

    @Test
    void keylessRecordsAreRefusedByACompactedTopic() throws Exception {
        String topic = "compacted-keyless";
        createCompactedTopic(topic, Map.of());
        try (KafkaProducer<String, String> producer = producer()) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, 0, null, "no key")).get());
            assertInstanceOf(InvalidRecordException.class, e.getCause());
            assertEquals(0, producer.send(new ProducerRecord<>(topic, 0, "k", "keyed")).get().offset());
        }
    }

    private static int dirFiles(File dir, String suffix) {
        File[] files = dir.listFiles((d, n) -> n.endsWith(suffix));
        return files == null ? 0 : files.length;
    }

    /** Stops the swap where a crash would. */
    private static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    @Test
    void aBrokerRestartedMidCleaningLosesNothing() throws Exception {
        String topic = "compacted-crash";
        // A dirty ratio above 1 is never reached: the broker's own cleaner leaves the topic alone for now.
        createCompactedTopic(topic, Map.of("min.cleanable.dirty.ratio", "1"));
        Map<Long, String[]> placed;
        Map<String, String> expected = new LinkedHashMap<>();
        try (KafkaProducer<String, String> producer = producer()) {
            List<String[]> kvs = updates(25, 30, "v");
            placed = send(producer, topic, kvs);
            for (String[] kv : kvs) {
                expected.put(kv[0], kv[1]);
            }
        }
        int produced = placed.size();
        File dir = brokerLog(topic).dir();
        cluster.stopBroker(0);

        // Offline, a cleaner gets as far as renaming its first cleaned segment .swap, and the "process dies".
        MockTime time = new MockTime();
        LogConfig config = LogConfig.of(Map.of("cleanup.policy", "compact", "segment.bytes", "2048"));
        Log offline = Log.open(dir, config, time, new MockScheduler(time));
        offline.updateHighWatermark(offline.logEndOffset());
        LogCleaner crashing = new LogCleaner(CleanerConfig.defaults(), List.of(dir.getParentFile()), () -> List.of(offline),
                time, step -> {
                    if (step == SwapObserver.Step.RENAMED_TO_SWAP) {
                        throw new SimulatedCrash();
                    }
                });
        LogToClean toClean = crashing.manager().measure(offline, time.milliseconds());
        assertTrue(toClean.cleanableBytes() > 0);
        assertThrows(SimulatedCrash.class, () -> crashing.newCleaner().clean(toClean));
        assertTrue(dirFiles(dir, LogFileNames.LOG_SUFFIX + LogFileNames.SWAP_SUFFIX) > 0, "the crash left a .swap");

        cluster.startBroker(0);
        cluster.waitForTopic(topic, 1);
        assertEquals(0, dirFiles(dir, LogFileNames.SWAP_SUFFIX));
        List<ConsumerRecord<String, String>> read = consumeAll(topic);
        assertEquals(expected, materialize(read));
        assertTrue(read.size() < produced, "the swapped-in cleaned segment is served: " + read.size());
        for (ConsumerRecord<String, String> r : read) {
            String[] original = placed.get(r.offset());
            assertNotNull(original, "offset " + r.offset() + " was produced");
            assertEquals(original[0], r.key());
            assertEquals(original[1], r.value());
        }

        // A live config change lets the restarted broker's cleaner finish the job.
        try (Admin admin = Admin.create(common())) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("min.cleanable.dirty.ratio", "0.01"), AlterConfigOp.OpType.SET)))).all().get();
        }
        Log log = brokerLog(topic);
        Wait.until("the restarted broker to compact the topic", Duration.ofSeconds(60), () -> cluster.broker(0).logManager().cleaner().cleanedUpTo(log) != null);
        read = consumeAll(topic);
        assertEquals(expected, materialize(read));
        assertFalse(read.isEmpty());
        assertTrue(read.size() < produced / 2, "compacted to " + read.size() + " of " + produced);
    }
}
