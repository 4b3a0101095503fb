package io.samsa.systest.samsaclient;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.ConsumerRebalanceListener;
import io.samsa.clients.consumer.ConsumerRecord;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetAndTimestamp;
import io.samsa.clients.consumer.SamsaConsumer;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.RecordDeserializationException;
import io.samsa.common.errors.WakeupException;
import io.samsa.common.serialization.Deserializer;
import io.samsa.common.serialization.StringDeserializer;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samsa's consumer against a live deployment, the same assertions whichever broker runs it. The
 * records are written by kafka-clients' producer and the committed offsets read back by
 * kafka-clients' Admin, so these tests do not lean on Samsa's own producer or admin; group tests
 * mix Samsa's consumer with kafka-clients' consumer under each assignor.
 */
interface ConsumerTests {

    ClientSuiteDeployment deployment();

    Duration POLL = Duration.ofMillis(100);

    // ---- helpers ----

    default Map<String, Object> consumerProps(String group) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return p;
    }

    default SamsaConsumer<String, String> samsa(Map<String, Object> props) {
        return new SamsaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Writes {@code n} records {@code k<i>}/{@code v<i>} with timestamps {@code base + i} to one partition. */
    private void produce(String topic, int partition, int n, String compression, long baseTimestamp) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, partition, baseTimestamp + i, "k" + i, "v" + i);
                r.headers().add("h", ("hv" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(r);
            }
            producer.flush();
        }
    }

    private void produce(String topic, int partition, int n) {
        produce(topic, partition, n, "none", ClientSuiteDeployment.RECENT_TIMESTAMP);
    }

    static List<ConsumerRecord<String, String>> pollUntil(SamsaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        Wait.until(count + " records", ClientSuiteDeployment.TIMEOUT, () -> {
            consumer.poll(POLL).forEach(out::add);
            return out.size() >= count;
        });
        return out;
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        return Admin.create(p);
    }

    /** The group's committed offsets as kafka-clients' Admin reads them. */
    private Map<TopicPartition, Long> committedByAdmin(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .forEach((tp, om) -> out.put(new TopicPartition(tp.topic(), tp.partition()), om.offset()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<TopicPartition> partitions(String topic, int n) {
        Set<TopicPartition> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(new TopicPartition(topic, i));
        }
        return out;
    }

    private static Set<TopicPartition> samsaPartitions(Collection<org.apache.kafka.common.TopicPartition> tps) {
        Set<TopicPartition> out = new HashSet<>();
        tps.forEach(tp -> out.add(new TopicPartition(tp.topic(), tp.partition())));
        return out;
    }

    /** Whether the assignments cover {@code all} exactly once and each member has some. */
    private static boolean splitExactly(Set<TopicPartition> all, List<Set<TopicPartition>> assignments) {
        Set<TopicPartition> union = new HashSet<>();
        int total = 0;
        for (Set<TopicPartition> a : assignments) {
            if (a.isEmpty()) {
                return false;
            }
            union.addAll(a);
            total += a.size();
        }
        return union.equals(all) && total == all.size();
    }

    // ---- tests ----

    @Test
    default void assignSeekPositionCommittedAndSeekToBeginningAndEnd() {
        String topic = "c-assign";
        deployment().createTopic(topic, 2);
        produce(topic, 0, 100);
        TopicPartition tp = new TopicPartition(topic, 0);
        String group = "c-assign-group";
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(group))) {
            consumer.assign(List.of(tp));
            assertEquals(Set.of(tp), consumer.assignment());
            assertEquals(0, consumer.position(tp), "earliest: no committed offset yet");
            List<ConsumerRecord<String, String>> read = pollUntil(consumer, 100);
            assertEquals(100, read.size());
            for (int i = 0; i < 100; i++) {
                ConsumerRecord<String, String> r = read.get(i);
                assertEquals(i, r.offset());
                assertEquals("k" + i, r.key());
                assertEquals("v" + i, r.value());
                assertEquals(ClientSuiteDeployment.RECENT_TIMESTAMP + i, r.timestamp());
                assertEquals("hv" + i, new String(r.headers().lastHeader("h").value(), StandardCharsets.UTF_8));
            }
            assertEquals(100, consumer.position(tp));

            consumer.seek(tp, 60);
            assertEquals(60, consumer.position(tp));
            List<ConsumerRecord<String, String>> again = pollUntil(consumer, 40);
            assertEquals(60, again.get(0).offset(), "reads from the sought offset");

            consumer.seekToBeginning(List.of(tp));
            assertEquals(0, consumer.position(tp));
            consumer.seekToEnd(List.of(tp));
            assertEquals(100, consumer.position(tp));

            consumer.commitSync(Map.of(tp, new OffsetAndMetadata(42, "meta")));
            OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
            assertEquals(42, committed.offset());
            assertEquals("meta", committed.metadata());
            assertNull(consumer.committed(Set.of(new TopicPartition(topic, 1))).get(new TopicPartition(topic, 1)));
            assertEquals(42L, committedByAdmin(group).get(tp), "kafka-clients' Admin sees the commit");
        }
        // A new consumer of the group starts from the committed offset.
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(group))) {
            consumer.assign(List.of(tp));
            assertEquals(42, consumer.position(tp));
        }
    }

    @Test
    default void anUndeserializableRecordThrowsUntilTheApplicationSeeksPastIt() {
        String topic = "c-undeserializable";
        deployment().createTopic(topic, 1);
        produce(topic, 0, 10);
        TopicPartition tp = new TopicPartition(topic, 0);
        Deserializer<String> failsOnV5 = (t, data) -> {
            String s = new String(data, StandardCharsets.UTF_8);
            if ("v5".equals(s)) {
                throw new IllegalArgumentException("v5 is not welcome");
            }
            return s;
        };
        try (SamsaConsumer<String, String> consumer = new SamsaConsumer<>(consumerProps(null), new StringDeserializer(), failsOnV5)) {
            consumer.assign(List.of(tp));
            List<ConsumerRecord<String, String>> before = pollUntil(consumer, 5);
            assertEquals(List.of(0L, 1L, 2L, 3L, 4L), before.stream().map(ConsumerRecord::offset).toList(),
                    "the records before the bad one are delivered, none lost");
            for (int attempt = 0; attempt < 2; attempt++) {
                RecordDeserializationException e = assertThrows(RecordDeserializationException.class, () -> consumer.poll(POLL));
                assertEquals(tp, e.topicPartition());
                assertEquals(5, e.offset());
                assertEquals("v5", StandardCharsets.UTF_8.decode(e.valueBuffer()).toString());
                assertEquals(5, consumer.position(tp), "the position stays at the bad record");
            }
            consumer.seek(tp, 6);
            List<ConsumerRecord<String, String>> after = pollUntil(consumer, 4);
            assertEquals(List.of(6L, 7L, 8L, 9L), after.stream().map(ConsumerRecord::offset).toList());
        }
    }

    @Test
    default void subscribeToTopicsReadsEveryPartition() {
        String topic = "c-subscribe";
        deployment().createTopic(topic, 3);
        for (int p = 0; p < 3; p++) {
            produce(topic, p, 50);
        }
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps("c-subscribe-group"))) {
            consumer.subscribe(List.of(topic));
            assertEquals(Set.of(topic), consumer.subscription());
            List<ConsumerRecord<String, String>> read = pollUntil(consumer, 150);
            assertEquals(150, read.size());
            Set<String> seen = new HashSet<>();
            read.forEach(r -> seen.add(r.partition() + "/" + r.offset()));
            assertEquals(150, seen.size(), "no record twice");
            assertEquals(partitions(topic, 3), consumer.assignment());
        }
    }

    @Test
    default void subscribeToPatternReadsMatchingTopics() {
        deployment().createTopic("c-pattern-a", 1);
        deployment().createTopic("c-pattern-b", 2);
        deployment().createTopic("c-other", 1);
        produce("c-pattern-a", 0, 10);
        produce("c-pattern-b", 1, 10);
        produce("c-other", 0, 10);
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps("c-pattern-group"))) {
            consumer.subscribe(Pattern.compile("c-pattern-.*"));
            List<ConsumerRecord<String, String>> read = pollUntil(consumer, 20);
            assertEquals(20, read.size());
            assertTrue(read.stream().allMatch(r -> r.topic().startsWith("c-pattern-")));
            assertEquals(Set.of("c-pattern-a", "c-pattern-b"), consumer.subscription());
        }
    }

    @Test
    default void twoSamsaConsumersSplitPartitionsAndRebalanceWhenOneLeaves() {
        String topic = "c-group2";
        deployment().createTopic(topic, 6);
        String group = "c-group2-group";
        List<String> events = new CopyOnWriteArrayList<>();
        try (SamsaConsumer<String, String> a = samsa(consumerProps(group))) {
            SamsaConsumer<String, String> b = samsa(consumerProps(group));
            try {
                a.subscribe(List.of(topic), new RecordingListener("a", events));
                b.subscribe(List.of(topic), new RecordingListener("b", events));
                Wait.until("both members share the partitions", ClientSuiteDeployment.TIMEOUT, () -> {
                    a.poll(POLL);
                    b.poll(POLL);
                    return splitExactly(partitions(topic, 6), List.of(a.assignment(), b.assignment()));
                });
            } finally {
                b.close();
            }
            Wait.until("the remaining member takes every partition", ClientSuiteDeployment.TIMEOUT, () -> {
                a.poll(POLL);
                return a.assignment().equals(partitions(topic, 6));
            });
            assertTrue(events.stream().anyMatch(e -> e.startsWith("a assigned")), events.toString());
            assertTrue(events.stream().anyMatch(e -> e.startsWith("b revoked")), "close revokes: " + events);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "range, org.apache.kafka.clients.consumer.RangeAssignor",
        "roundrobin, org.apache.kafka.clients.consumer.RoundRobinAssignor",
        "sticky, org.apache.kafka.clients.consumer.StickyAssignor",
        "cooperative-sticky, org.apache.kafka.clients.consumer.CooperativeStickyAssignor"})
    default void groupMixingSamsaAndKafkaConsumers(String strategy, String kafkaClass) {
        String topic = "c-mixed-" + strategy;
        deployment().createTopic(topic, 6);
        String group = "c-mixed-group-" + strategy;
        Map<String, Object> props = consumerProps(group);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, strategy);
        Properties kp = new Properties();
        kp.put(org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        kp.put(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG, group);
        kp.put(org.apache.kafka.clients.consumer.ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, kafkaClass);
        kp.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (SamsaConsumer<String, String> samsa = samsa(props)) {
            KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kp,
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.StringDeserializer());
            try {
                samsa.subscribe(List.of(topic));
                kafka.subscribe(List.of(topic));
                Wait.until("Samsa and Kafka members share the partitions", ClientSuiteDeployment.TIMEOUT, () -> {
                    samsa.poll(POLL);
                    kafka.poll(POLL);
                    return splitExactly(partitions(topic, 6), List.of(samsa.assignment(), samsaPartitions(kafka.assignment())));
                });
            } finally {
                kafka.close();
            }
            Wait.until("the Samsa member takes every partition", ClientSuiteDeployment.TIMEOUT, () -> {
                samsa.poll(POLL);
                return samsa.assignment().equals(partitions(topic, 6));
            });
        }
    }

    @Test
    default void autoCommitIsVisibleToKafkaAdmin() {
        String topic = "c-autocommit";
        deployment().createTopic(topic, 2);
        produce(topic, 0, 30);
        produce(topic, 1, 20);
        String group = "c-autocommit-group";
        Map<String, Object> props = consumerProps(group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        props.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "200");
        try (SamsaConsumer<String, String> consumer = samsa(props)) {
            consumer.subscribe(List.of(topic));
            pollUntil(consumer, 50);
            Map<TopicPartition, Long> expected = Map.of(new TopicPartition(topic, 0), 30L, new TopicPartition(topic, 1), 20L);
            Wait.until("auto commit of every position", ClientSuiteDeployment.TIMEOUT, () -> {
                consumer.poll(POLL);
                return committedByAdmin(group).equals(expected);
            });
        }
    }

    @Test
    default void commitSyncAndCommitAsyncAreVisibleToKafkaAdmin() {
        String topic = "c-commit";
        deployment().createTopic(topic, 1);
        produce(topic, 0, 40);
        String group = "c-commit-group";
        TopicPartition tp = new TopicPartition(topic, 0);
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(group))) {
            consumer.subscribe(List.of(topic));
            pollUntil(consumer, 40);
            consumer.commitSync();
            assertEquals(Map.of(tp, 40L), committedByAdmin(group));

            AtomicReference<Map<TopicPartition, OffsetAndMetadata>> done = new AtomicReference<>();
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread app = Thread.currentThread();
            consumer.commitAsync(Map.of(tp, new OffsetAndMetadata(17)), (offsets, e) -> {
                assertEquals(app, Thread.currentThread(), "callbacks run on the application thread");
                failure.set(e);
                done.set(offsets);
            });
            Wait.until("the commit callback", ClientSuiteDeployment.TIMEOUT, () -> {
                consumer.poll(POLL);
                return done.get() != null;
            });
            assertNull(failure.get());
            assertEquals(Map.of(tp, new OffsetAndMetadata(17)), done.get());
            assertEquals(Map.of(tp, 17L), committedByAdmin(group));
            assertEquals(17, consumer.committed(Set.of(tp)).get(tp).offset());
        }
    }

    @Test
    default void offsetsForTimesAndBeginningAndEndOffsets() {
        String topic = "c-times";
        deployment().createTopic(topic, 1);
        TopicPartition tp = new TopicPartition(topic, 0);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>(topic, 0, 1_000_000L * (i + 1), "k", "v" + i));
            }
            producer.flush();
        }
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(null))) {
            assertEquals(Map.of(tp, 0L), consumer.beginningOffsets(List.of(tp)));
            assertEquals(Map.of(tp, 10L), consumer.endOffsets(List.of(tp)));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(tp, 5_500_000L));
            assertEquals(5, found.get(tp).offset(), "the first record at or after the time");
            assertEquals(6_000_000L, found.get(tp).timestamp());
            assertNull(consumer.offsetsForTimes(Map.of(tp, 99_000_000L)).get(tp), "nothing that late");
            assertEquals(1, consumer.partitionsFor(topic).size());
            assertTrue(consumer.listTopics().containsKey(topic));
        }
    }

    @Test
    default void pauseAndResume() {
        String topic = "c-pause";
        deployment().createTopic(topic, 2);
        produce(topic, 0, 20);
        produce(topic, 1, 20);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(null))) {
            consumer.assign(List.of(p0, p1));
            consumer.pause(List.of(p0));
            assertEquals(Set.of(p0), consumer.paused());
            List<ConsumerRecord<String, String>> read = pollUntil(consumer, 20);
            assertTrue(read.stream().allMatch(r -> r.partition() == 1), "nothing from the paused partition");
            for (int i = 0; i < 5; i++) {
                assertTrue(consumer.poll(POLL).isEmpty(), "the paused partition stays silent");
            }
            consumer.resume(List.of(p0));
            assertTrue(consumer.paused().isEmpty());
            List<ConsumerRecord<String, String>> rest = pollUntil(consumer, 20);
            assertTrue(rest.stream().allMatch(r -> r.partition() == 0));
            assertEquals(20, consumer.position(p0));
            assertEquals(20, consumer.position(p1));
        }
    }

    @Test
    default void wakeupInterruptsABlockingPoll() {
        String topic = "c-wakeup";
        deployment().createTopic(topic, 1);
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(null))) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.wakeup();
            assertThrows(WakeupException.class, () -> consumer.poll(Duration.ofSeconds(20)), "a pending wakeup");
            assertTrue(consumer.poll(Duration.ZERO).isEmpty(), "the wakeup was used up");
            CompletableFuture<Void> other = CompletableFuture.runAsync(consumer::wakeup);
            long start = System.nanoTime();
            assertThrows(WakeupException.class, () -> consumer.poll(Duration.ofSeconds(20)), "a wakeup from another thread");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "the poll did not run its course");
            other.join();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "gzip", "snappy", "lz4", "zstd"})
    default void everyCodecIsReadIdentically(String codec) {
        String topic = "c-codec-" + codec;
        deployment().createTopic(topic, 1);
        produce(topic, 0, 500, codec, ClientSuiteDeployment.RECENT_TIMESTAMP);
        TopicPartition tp = new TopicPartition(topic, 0);
        try (SamsaConsumer<String, String> consumer = samsa(consumerProps(null))) {
            consumer.assign(List.of(tp));
            consumer.seek(tp, 7);
            List<ConsumerRecord<String, String>> read = pollUntil(consumer, 493);
            assertEquals(493, read.size());
            for (int i = 0; i < 493; i++) {
                ConsumerRecord<String, String> r = read.get(i);
                int n = i + 7;
                assertEquals(n, r.offset());
                assertEquals("k" + n, r.key());
                assertEquals("v" + n, r.value());
                assertEquals(ClientSuiteDeployment.RECENT_TIMESTAMP + n, r.timestamp());
                assertEquals("hv" + n, new String(r.headers().lastHeader("h").value(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    default void aMemberThatStopsPollingLeavesTheGroupAndLaterFindsItsPartitionsLost() {
        String topic = "c-poll-timeout";
        deployment().createTopic(topic, 4);
        String group = "c-poll-timeout-group";
        List<String> events = new CopyOnWriteArrayList<>();
        Map<String, Object> slow = consumerProps(group);
        slow.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "3000");
        slow.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        slow.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        try (SamsaConsumer<String, String> a = samsa(slow); SamsaConsumer<String, String> b = samsa(consumerProps(group))) {
            a.subscribe(List.of(topic), new RecordingListener("a", events));
            b.subscribe(List.of(topic), new RecordingListener("b", events));
            Wait.until("both members share the partitions", ClientSuiteDeployment.TIMEOUT, () -> {
                a.poll(POLL);
                b.poll(POLL);
                return splitExactly(partitions(topic, 4), List.of(a.assignment(), b.assignment()));
            });
            // Only b polls now: a's heartbeat thread leaves the group once max.poll.interval.ms passes.
            Wait.until("b takes every partition", ClientSuiteDeployment.TIMEOUT, () -> {
                b.poll(POLL);
                return b.assignment().equals(partitions(topic, 4));
            });
            Wait.until("a rejoins", ClientSuiteDeployment.TIMEOUT, () -> {
                a.poll(POLL);
                b.poll(POLL);
                return splitExactly(partitions(topic, 4), List.of(a.assignment(), b.assignment()));
            });
            assertTrue(events.stream().anyMatch(e -> e.startsWith("a lost")), "a's partitions were lost: " + events);
        }
    }

    @Test
    default void aStaticMemberGetsItsPartitionsBackAfterARestart() {
        String topic = "c-static";
        deployment().createTopic(topic, 4);
        String group = "c-static-group";
        Map<String, Object> pa = consumerProps(group);
        pa.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-a");
        pa.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");
        pa.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, "range");
        Map<String, Object> pb = new HashMap<>(pa);
        pb.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "static-b");
        try (SamsaConsumer<String, String> b = samsa(pb)) {
            b.subscribe(List.of(topic));
            Set<TopicPartition> before;
            try (SamsaConsumer<String, String> a = samsa(pa)) {
                a.subscribe(List.of(topic));
                Wait.until("both static members share the partitions", ClientSuiteDeployment.TIMEOUT, () -> {
                    a.poll(POLL);
                    b.poll(POLL);
                    return splitExactly(partitions(topic, 4), List.of(a.assignment(), b.assignment()));
                });
                before = a.assignment();
            }
            // A static member does not leave on close: its partitions wait for it.
            Set<TopicPartition> bHad = b.assignment();
            for (int i = 0; i < 5; i++) {
                b.poll(POLL);
                assertEquals(bHad, b.assignment(), "no rebalance while the static member is away");
            }
            try (SamsaConsumer<String, String> again = samsa(pa)) {
                again.subscribe(List.of(topic));
                Wait.until("the restarted static member is back", ClientSuiteDeployment.TIMEOUT, () -> {
                    again.poll(POLL);
                    b.poll(POLL);
                    return splitExactly(partitions(topic, 4), List.of(again.assignment(), b.assignment()));
                });
                assertEquals(before, again.assignment());
            }
        }
    }

    @Test
    default void twoCooperativeSamsaConsumersKeepTheirPartitionsWhileRebalancing() {
        String topic = "c-coop";
        deployment().createTopic(topic, 6);
        String group = "c-coop-group";
        Map<String, Object> props = consumerProps(group);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, "cooperative-sticky");
        List<String> events = new CopyOnWriteArrayList<>();
        try (SamsaConsumer<String, String> a = samsa(props)) {
            a.subscribe(List.of(topic), new RecordingListener("a", events));
            Wait.until("a owns everything", ClientSuiteDeployment.TIMEOUT, () -> {
                a.poll(POLL);
                return a.assignment().equals(partitions(topic, 6));
            });
            try (SamsaConsumer<String, String> b = samsa(props)) {
                b.subscribe(List.of(topic), new RecordingListener("b", events));
                Wait.until("a hands half to b", ClientSuiteDeployment.TIMEOUT, () -> {
                    a.poll(POLL);
                    b.poll(POLL);
                    return splitExactly(partitions(topic, 6), List.of(a.assignment(), b.assignment()));
                });
            }
            assertTrue(events.stream().filter(e -> e.startsWith("a revoked")).noneMatch(e -> e.contains("c-coop-0")
                    && e.contains("c-coop-1") && e.contains("c-coop-2") && e.contains("c-coop-3") && e.contains("c-coop-4")
                    && e.contains("c-coop-5")), "cooperative: never everything revoked at once: " + events);
        }
    }

    /** Records listener calls as "name event partitions". */
    final class RecordingListener implements ConsumerRebalanceListener {
        private final String name;
        private final List<String> events;

        RecordingListener(String name, List<String> events) {
            this.name = name;
            this.events = events;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            events.add(name + " revoked " + partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            events.add(name + " assigned " + partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            events.add(name + " lost " + partitions);
        }
    }

    private static Set<String> mbeanAttributes(MBeanServer server, ObjectName name) throws Exception {
        Set<String> out = new TreeSet<>();
        for (MBeanAttributeInfo a : server.getMBeanInfo(name).getAttributes()) {
            out.add(a.getName());
        }
        return out;
    }

    /**
     * After real polls, the consumer's lag and fetch metrics read through JMX by Kafka's MBean names
     * agree with its position; the partition's bean carries only attributes kafka-clients' consumer
     * has there, goes when the partition is unassigned, and every bean goes on close.
     */
    @Test
    default void lagIsReadableThroughJmxByKafkasMBeanNames() throws Exception {
        String topic = "jmx.lag";
        deployment().createTopic(topic, 2);
        produce(topic, 0, 100);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String clientId = "jmx-consumer-" + UUID.randomUUID();
        Map<String, Object> props = consumerProps(null);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        TopicPartition tp = new TopicPartition(topic, 0);
        ObjectName client = new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=" + clientId);
        // Kafka writes a topic's dots as underscores in these names.
        ObjectName partition = new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id=" + clientId
                + ",topic=jmx_lag,partition=0");
        try (SamsaConsumer<String, String> consumer = samsa(props)) {
            consumer.assign(List.of(tp));
            pollUntil(consumer, 10);
            long position = consumer.position(tp);
            assertTrue(position >= 10 && position <= 100, "position " + position);
            assertEquals((double) (100 - position), server.getAttribute(partition, "records-lag"), "the latest lag");
            assertEquals((double) position, server.getAttribute(partition, "records-lead"), "the log starts at 0");
            assertTrue((Double) server.getAttribute(partition, "records-lag-max") >= 100 - position);
            assertTrue((Double) server.getAttribute(client, "records-lag-max") >= 100 - position, "over every partition");
            assertTrue((Double) server.getAttribute(client, "fetch-total") >= 1);
            assertTrue((Double) server.getAttribute(client, "fetch-latency-max") >= 0);
            Wait.until("records-consumed-total", ClientSuiteDeployment.TIMEOUT, () -> {
                consumer.poll(Duration.ZERO);
                try {
                    return (Double) server.getAttribute(client, "records-consumed-total") >= 10;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(server.queryNames(new ObjectName("kafka.consumer:type=consumer-node-metrics,client-id=" + clientId
                    + ",*"), null).stream().anyMatch(n -> !n.getKeyProperty("node-id").startsWith("node--")),
                    "a broker's own node metrics");

            String kafkaId = "jmx-oracle-" + UUID.randomUUID();
            Properties kp = new Properties();
            kp.put("bootstrap.servers", deployment().bootstrap());
            kp.put("client.id", kafkaId);
            kp.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kp,
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.StringDeserializer())) {
                kafka.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
                ObjectName kafkaPartition = new ObjectName("kafka.consumer:type=consumer-fetch-manager-metrics,client-id="
                        + kafkaId + ",topic=jmx_lag,partition=0");
                Wait.until("kafka-clients' partition metrics", ClientSuiteDeployment.TIMEOUT, () -> {
                    kafka.poll(POLL);
                    try {
                        return server.isRegistered(kafkaPartition) && mbeanAttributes(server, kafkaPartition).contains("records-lag");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Set<String> extra = mbeanAttributes(server, partition);
                extra.removeAll(mbeanAttributes(server, kafkaPartition));
                assertEquals(Set.of(), extra, "per-partition attributes kafka-clients does not have");
            }

            consumer.assign(List.of(new TopicPartition(topic, 1)));
            Wait.until("the unassigned partition's bean to go", ClientSuiteDeployment.TIMEOUT, () -> {
                consumer.poll(Duration.ZERO);
                return !server.isRegistered(partition);
            });
        }
        assertEquals(Set.of(), server.queryNames(new ObjectName("kafka.consumer:client-id=" + clientId + ",*"), null),
                "the beans are gone after close()");
    }
}
