package io.samsa.core.coordinator.group;

import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apache kafka-clients 3.9.1 consumer groups and group admin against an in-process Samsa broker. */
@Tag("integration")
@Timeout(180)
class ConsumerGroupIntegrationTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of(                 "group.initial.rebalance.delay.ms", "0",                 "group.min.session.timeout.ms", "500",                 "offsets.topic.num.partitions", "5"));

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return Admin.create(p);
    }

    private static void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        cluster.waitForTopic(name, partitions);
    }

    private static void produce(String topic, int partitions, int perPartition) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < perPartition; i++) {
                for (int part = 0; part < partitions; part++) {
                    producer.send(new ProducerRecord<>(topic, part, "k" + i, "v" + i));
                }
            }
            producer.flush();
        }
    }

    private static KafkaConsumer<String, String> consumer(String group, Map<String, Object> extra) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "200");
        p.putAll(extra);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> c, int count) {
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(100)).forEach(got::add);
        }
        assertEquals(count, got.size(), "records consumed");
        return got;
    }

    /** Polls every consumer in turn until {@code done} holds (consumers are single-threaded). */
    private static void pollAllUntil(String what, List<KafkaConsumer<String, String>> consumers, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; assignments "
                        + consumers.stream().map(KafkaConsumer::assignment).toList());
            }
            for (KafkaConsumer<String, String> c : consumers) {
                c.poll(Duration.ofMillis(50));
            }
        }
    }

    @Test
    void commitSyncCommittedAndResumeFromCommittedOffset() throws Exception {
        createTopic("resume", 4);
        produce("resume", 4, 10);
        Set<TopicPartition> all = partitions("resume", 4);
        try (KafkaConsumer<String, String> c = consumer("resume-group", Map.of())) {
            c.subscribe(List.of("resume"));
            pollUntil(c, 40);
            c.commitSync();
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(all);
            for (TopicPartition tp : all) {
                assertEquals(10L, committed.get(tp).offset());
            }
        }
        produce("resume", 4, 2);
        try (KafkaConsumer<String, String> c = consumer("resume-group", Map.of())) {
            c.subscribe(List.of("resume"));
            List<ConsumerRecord<String, String>> got = pollUntil(c, 8);
            assertTrue(got.stream().allMatch(r -> r.offset() >= 10), "no record re-read after the committed offset");
            assertTrue(c.poll(Duration.ofMillis(500)).isEmpty());
        }
    }

    @Test
    void commitAsyncReportsToItsCallback() throws Exception {
        createTopic("async", 1);
        produce("async", 1, 5);
        try (KafkaConsumer<String, String> c = consumer("async-group", Map.of())) {
            c.subscribe(List.of("async"));
            pollUntil(c, 5);
            AtomicReference<Exception> error = new AtomicReference<>();
            AtomicReference<Map<TopicPartition, OffsetAndMetadata>> done = new AtomicReference<>();
            c.commitAsync(Map.of(new TopicPartition("async", 0), new OffsetAndMetadata(5, "meta")), (offsets, e) -> {
                error.set(e);
                done.set(offsets);
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (done.get() == null && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(50));
            }
            assertEquals(null, error.get());
            OffsetAndMetadata committed = c.committed(Set.of(new TopicPartition("async", 0))).get(new TopicPartition("async", 0));
            assertEquals(5L, committed.offset());
            assertEquals("meta", committed.metadata());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"range", "roundrobin", "cooperative-sticky"})
    void rebalanceOnJoinAndLeave(String assignor) throws Exception {
        String topic = "rebalance-" + assignor;
        String group = "group-" + assignor;
        createTopic(topic, 4);
        Map<String, Object> cfg = Map.of(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, assignorClass(assignor));
        try (KafkaConsumer<String, String> c1 = consumer(group, cfg)) {
            c1.subscribe(List.of(topic));
            pollAllUntil("c1 to own all partitions", List.of(c1), () -> c1.assignment().size() == 4);
            try (KafkaConsumer<String, String> c2 = consumer(group, cfg)) {
                c2.subscribe(List.of(topic));
                pollAllUntil("an even split", List.of(c1, c2), () -> c1.assignment().size() == 2 && c2.assignment().size() == 2);
                Set<TopicPartition> union = new HashSet<>(c1.assignment());
                union.addAll(c2.assignment());
                assertEquals(partitions(topic, 4), union);
                try (Admin admin = admin()) {
                    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                    assertEquals(ConsumerGroupState.STABLE, d.state());
                    assertEquals(assignor, d.partitionAssignor());
                    assertEquals(2, d.members().size());
                }
            }
            pollAllUntil("c1 to own all partitions after c2 left", List.of(c1), () -> c1.assignment().size() == 4);
        }
    }

    private static String assignorClass(String name) {
        return switch (name) {
            case "range" -> "org.apache.kafka.clients.consumer.RangeAssignor";
            case "roundrobin" -> "org.apache.kafka.clients.consumer.RoundRobinAssignor";
            default -> "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
        };
    }

    @Test
    void crashedConsumerIsRemovedAfterItsSessionTimeout() throws Exception {
        createTopic("crash", 4);
        Map<String, Object> cfg = Map.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "1500",
                // Closing without LeaveGroup is what a crash looks like to the coordinator.
                "internal.leave.group.on.close", "false");
        try (KafkaConsumer<String, String> c1 = consumer("crash-group", cfg)) {
            c1.subscribe(List.of("crash"));
            KafkaConsumer<String, String> c2 = consumer("crash-group", cfg);
            c2.subscribe(List.of("crash"));
            pollAllUntil("an even split", List.of(c1, c2), () -> c1.assignment().size() == 2 && c2.assignment().size() == 2);
            c2.close(Duration.ZERO);
            long closed = System.nanoTime();
            pollAllUntil("c1 to take over after c2's session expired", List.of(c1), () -> c1.assignment().size() == 4);
            assertTrue(System.nanoTime() - closed >= Duration.ofMillis(1000).toNanos(), "taken over only once the session expired");
        }
    }

    @Test
    void adminListsDescribesAltersAndDeletesGroups() throws Exception {
        createTopic("admin-topic", 2);
        produce("admin-topic", 2, 3);
        try (Admin admin = admin()) {
            try (KafkaConsumer<String, String> c = consumer("admin-group", Map.of())) {
                c.subscribe(List.of("admin-topic"));
                pollUntil(c, 6);
                c.commitSync();

                Collection<ConsumerGroupListing> listed = admin.listConsumerGroups().all().get();
                assertTrue(listed.stream().anyMatch(l -> l.groupId().equals("admin-group")), "listed: " + listed);
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of("admin-group")).all().get().get("admin-group");
                assertEquals(ConsumerGroupState.STABLE, d.state());
                assertEquals(1, d.members().size());
                MemberDescription m = d.members().iterator().next();
                assertEquals(partitions("admin-topic", 2), m.assignment().topicPartitions());
                assertEquals("/127.0.0.1", m.host());
                assertEquals(cluster.broker(0).config().brokerId(), d.coordinator().id());

                ExecutionException busy = assertThrows(ExecutionException.class,
                        () -> admin.deleteConsumerGroups(List.of("admin-group")).all().get());
                assertInstanceOf(GroupNotEmptyException.class, busy.getCause());
                // Altering offsets of an active group is refused too (only members may commit).
                assertThrows(ExecutionException.class, () -> admin.alterConsumerGroupOffsets("admin-group",
                        Map.of(new TopicPartition("admin-topic", 0), new OffsetAndMetadata(1))).all().get());
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("admin-group")
                    .partitionsToOffsetAndMetadata().get();
            assertEquals(3L, offsets.get(new TopicPartition("admin-topic", 0)).offset());
            assertEquals(3L, offsets.get(new TopicPartition("admin-topic", 1)).offset());
            assertEquals(ConsumerGroupState.EMPTY,
                    admin.describeConsumerGroups(List.of("admin-group")).all().get().get("admin-group").state());

            admin.alterConsumerGroupOffsets("admin-group", Map.of(new TopicPartition("admin-topic", 0), new OffsetAndMetadata(1))).all().get();
            offsets = admin.listConsumerGroupOffsets("admin-group").partitionsToOffsetAndMetadata().get();
            assertEquals(1L, offsets.get(new TopicPartition("admin-topic", 0)).offset());

            admin.deleteConsumerGroupOffsets("admin-group", Set.of(new TopicPartition("admin-topic", 1))).all().get();
            offsets = admin.listConsumerGroupOffsets("admin-group").partitionsToOffsetAndMetadata().get();
            assertFalse(offsets.containsKey(new TopicPartition("admin-topic", 1)));

            admin.deleteConsumerGroups(List.of("admin-group")).all().get();
            assertTrue(admin.listConsumerGroups().all().get().stream().noneMatch(l -> l.groupId().equals("admin-group")));
            assertTrue(admin.listConsumerGroupOffsets("admin-group").partitionsToOffsetAndMetadata().get().isEmpty());
        }
    }

    @Test
    void internalTopicIsListedOnlyOnRequestAndRefusesClientWrites() throws Exception {
        createTopic("visible", 1);
        try (KafkaConsumer<String, String> c = consumer("internal-group", Map.of())) {
            c.subscribe(List.of("visible"));
            pollAllUntil("an assignment", List.of(c), () -> !c.assignment().isEmpty());
        }
        try (Admin admin = admin()) {
            assertFalse(admin.listTopics().names().get().contains(OffsetsTopic.NAME));
            assertTrue(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get().contains(OffsetsTopic.NAME));
            assertEquals("compact", admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, OffsetsTopic.NAME))).all().get().values()
                    .iterator().next().get("cleanup.policy").value());
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.RETRIES_CONFIG, "0");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(OffsetsTopic.NAME, 0, "k", "v")).get());
            assertInstanceOf(InvalidTopicException.class, e.getCause());
        }
    }

    @Test
    void groupStateAndOffsetsSurviveABrokerRestart() throws Exception {
        createTopic("durable", 2);
        produce("durable", 2, 4);
        Set<TopicPartition> all = partitions("durable", 2);
        try (KafkaConsumer<String, String> c = consumer("durable-group", Map.of())) {
            c.subscribe(List.of("durable"));
            pollUntil(c, 8);
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            all.forEach(tp -> offsets.put(tp, new OffsetAndMetadata(3, "before-restart")));
            c.commitSync(offsets);
        }
        cluster.stopBroker(0);
        cluster.startBroker(0);
        cluster.waitForBrokersInMetadata();
        cluster.waitForTopic("durable", 2);
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = waitForOffsets(admin, "durable-group");
            for (TopicPartition tp : all) {
                assertEquals(3L, offsets.get(tp).offset());
                assertEquals("before-restart", offsets.get(tp).metadata());
            }
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of("durable-group")).all().get().get("durable-group");
            assertEquals(ConsumerGroupState.EMPTY, d.state());
        }
        try (KafkaConsumer<String, String> c = consumer("durable-group", Map.of())) {
            c.subscribe(List.of("durable"));
            List<ConsumerRecord<String, String>> got = pollUntil(c, 2);
            assertTrue(got.stream().allMatch(r -> r.offset() == 3));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> waitForOffsets(Admin admin, String group) {
        AtomicReference<Map<TopicPartition, OffsetAndMetadata>> result = new AtomicReference<>();
        Wait.until("offsets of " + group + " after restart", Duration.ofSeconds(60), () -> {
            try {
                result.set(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
                return !result.get().isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        return result.get();
    }

    private static Set<TopicPartition> partitions(String topic, int n) {
        Set<TopicPartition> out = new HashSet<>();
        for (int i = 0; i < n; i++) {
            out.add(new TopicPartition(topic, i));
        }
        return out;
    }
}
