package io.samsa.systest.samsaclient;

import io.samsa.clients.admin.Admin;
import io.samsa.clients.admin.AlterConfigOp;
import io.samsa.clients.admin.AlterConfigsOptions;
import io.samsa.clients.admin.Config;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.ConsumerGroupListing;
import io.samsa.clients.admin.CreatePartitionsOptions;
import io.samsa.clients.admin.CreateTopicsOptions;
import io.samsa.clients.admin.CreateTopicsResult;
import io.samsa.clients.admin.DescribeConfigsOptions;
import io.samsa.clients.admin.ListConsumerGroupOffsetsSpec;
import io.samsa.clients.admin.ListConsumerGroupsOptions;
import io.samsa.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.clients.admin.LogDirDescription;
import io.samsa.clients.admin.MemberDescription;
import io.samsa.clients.admin.NewPartitionReassignment;
import io.samsa.clients.admin.NewPartitions;
import io.samsa.clients.admin.NewTopic;
import io.samsa.clients.admin.OffsetSpec;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.clients.admin.RecordsToDelete;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.clients.admin.TopicListing;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.ElectionType;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.common.config.ConfigResource;
import io.samsa.common.errors.ElectionNotNeededException;
import io.samsa.common.errors.GroupIdNotFoundException;
import io.samsa.common.errors.GroupNotEmptyException;
import io.samsa.common.errors.InvalidConfigurationException;
import io.samsa.common.errors.InvalidPartitionsException;
import io.samsa.common.errors.NoReassignmentInProgressException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.TopicExistsException;
import io.samsa.common.errors.UnknownMemberIdException;
import io.samsa.common.errors.UnknownTopicOrPartitionException;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samsa's Admin client against a live deployment, the same assertions whichever broker runs it:
 * topics, partitions, configurations, consumer groups and their offsets (a group made by
 * kafka-clients' consumer), offsets and records (written by kafka-clients' producer), the cluster,
 * log directories, leader elections and partition moves, and a call to a dead bootstrap server
 * timing out. Kafka 3.9.1 is the oracle: where Samsa's broker answers differently, Kafka's answer
 * is the one asserted.
 */
interface AdminTests {

    Duration WAIT = Duration.ofSeconds(30);

    ClientSuiteDeployment deployment();

    private Admin admin() {
        Properties p = new Properties();
        p.put("bootstrap.servers", deployment().bootstrap());
        p.put("client.id", "samsa-admin-test");
        return Admin.create(p);
    }

    private static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("The call failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No answer in " + WAIT, e);
        }
    }

    /** The exception {@code future} fails with; fails the test if it succeeds. */
    private static Throwable failure(CompletableFuture<?> future) {
        try {
            Object value = future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("Expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No answer in " + WAIT, e);
        }
    }

    private short rf() {
        return deployment().replicationFactor();
    }

    private static Set<Integer> ids(Collection<Node> nodes) {
        Set<Integer> out = new HashSet<>();
        nodes.forEach(n -> out.add(n.id()));
        return out;
    }

    /** Creates a topic with Samsa's admin and waits until every partition has a leader. */
    private void createTopic(Admin admin, String topic, int partitions) {
        get(admin.createTopics(List.of(new NewTopic(topic, partitions, rf()))).all());
        awaitLeaders(admin, topic, partitions);
    }

    private void awaitLeaders(Admin admin, String topic, int partitions) {
        Wait.until("leaders of " + topic, WAIT, () -> {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().join().get(topic);
            return d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null);
        });
    }

    /** Writes {@code count} records to partition 0 with kafka-clients' producer, timestamps {@code t0 + i * 1000}. */
    private void produce(String topic, int partition, int count, long t0) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                byte[] value = ("v" + i).getBytes(StandardCharsets.UTF_8);
                try {
                    producer.send(new ProducerRecord<>(topic, partition, t0 + i * 1000L, null, value)).get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError("Cannot produce to " + topic, e);
                }
            }
        }
    }

    @Test
    default void topicsAreCreatedDescribedListedAndDeleted() {
        String topic = "admin-topics";
        try (Admin admin = admin()) {
            CreateTopicsResult created = admin.createTopics(List.of(new NewTopic(topic, 3, rf())
                    .configs(Map.of("cleanup.policy", "compact"))));
            get(created.all());
            assertEquals(3, get(created.numPartitions(topic)));
            assertEquals(rf(), get(created.replicationFactor(topic)).shortValue());
            assertEquals("compact", get(created.config(topic)).get("cleanup.policy").value());
            awaitLeaders(admin, topic, 3);

            TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
            assertEquals(topic, d.name());
            assertFalse(d.isInternal());
            assertEquals(get(created.topicId(topic)), d.topicId());
            assertEquals(List.of(0, 1, 2), d.partitions().stream().map(TopicPartitionInfo::partition).toList());
            for (TopicPartitionInfo p : d.partitions()) {
                assertEquals(rf(), p.replicas().size(), "replicas of " + p);
                assertTrue(ids(p.replicas()).contains(p.leader().id()), "the leader is a replica: " + p);
                assertTrue(ids(p.replicas()).containsAll(ids(p.isr())), "in-sync replicas are replicas: " + p);
            }

            Map<String, TopicListing> listed = get(admin.listTopics().namesToListings());
            assertTrue(listed.containsKey(topic), "listed: " + listed.keySet());
            assertEquals(d.topicId(), listed.get(topic).topicId());
            assertTrue(listed.values().stream().noneMatch(TopicListing::isInternal), "no internal topic by default");
            Map<String, TopicListing> withInternal = get(admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .namesToListings());
            assertTrue(withInternal.keySet().containsAll(listed.keySet()));

            get(admin.deleteTopics(List.of(topic)).all());
            Wait.until(topic + " gone", WAIT, () -> failure(admin.describeTopics(List.of(topic)).topicNameValues().get(topic))
                    instanceof UnknownTopicOrPartitionException);
            Wait.until(topic + " unlisted", WAIT, () -> !get(admin.listTopics().names()).contains(topic));
        }
    }

    @Test
    default void topicErrorsCarryKafkasExceptions() {
        String topic = "admin-topic-errors";
        try (Admin admin = admin()) {
            createTopic(admin, topic, 1);
            assertInstanceOf(TopicExistsException.class,
                    failure(admin.createTopics(List.of(new NewTopic(topic, 1, rf()))).values().get(topic)));
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    failure(admin.deleteTopics(List.of("admin-no-such-topic")).all()));
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    failure(admin.describeTopics(List.of("admin-no-such-topic")).topicNameValues().get("admin-no-such-topic")));

            String validated = "admin-validate-only";
            CreateTopicsResult dryRun = admin.createTopics(List.of(new NewTopic(validated, 4, rf())),
                    new CreateTopicsOptions().validateOnly(true));
            get(dryRun.all());
            assertEquals(4, get(dryRun.numPartitions(validated)));
            assertFalse(get(admin.listTopics().names()).contains(validated), "validateOnly creates nothing");
        }
    }

    @Test
    default void brokerDefaultsAndExplicitAssignmentsAreHonoured() {
        String byDefault = "admin-broker-defaults";
        String assigned = "admin-assigned";
        List<Integer> brokers = deployment().broker.brokerIds();
        List<Integer> replicas = brokers.size() >= 3 ? List.of(brokers.get(2), brokers.get(0)) : List.of(brokers.get(0));
        try (Admin admin = admin()) {
            CreateTopicsResult created = admin.createTopics(List.of(new NewTopic(byDefault, Optional.empty(), Optional.empty())));
            get(created.all());
            int partitions = get(created.numPartitions(byDefault));
            awaitLeaders(admin, byDefault, partitions);
            TopicDescription d = get(admin.describeTopics(List.of(byDefault)).allTopicNames()).get(byDefault);
            assertEquals(partitions, d.partitions().size());
            assertEquals((int) get(created.replicationFactor(byDefault)), d.partitions().get(0).replicas().size());

            get(admin.createTopics(List.of(new NewTopic(assigned, Map.of(0, replicas)))).all());
            awaitLeaders(admin, assigned, 1);
            get(admin.createPartitions(Map.of(assigned, NewPartitions.increaseTo(2, List.of(replicas)))).all());
            awaitLeaders(admin, assigned, 2);
            for (TopicPartitionInfo p : get(admin.describeTopics(List.of(assigned)).allTopicNames()).get(assigned).partitions()) {
                assertEquals(replicas, p.replicas().stream().map(Node::id).toList(), "replicas of partition " + p.partition());
            }
        }
    }

    @Test
    default void partitionsAreAdded() {
        String topic = "admin-partitions";
        try (Admin admin = admin()) {
            createTopic(admin, topic, 1);
            get(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(5)),
                    new CreatePartitionsOptions().validateOnly(true)).all());
            assertEquals(1, get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size(),
                    "validateOnly adds nothing");
            get(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all());
            awaitLeaders(admin, topic, 3);
            assertInstanceOf(InvalidPartitionsException.class,
                    failure(admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(2))).values().get(topic)));
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    failure(admin.createPartitions(Map.of("admin-no-such-topic", NewPartitions.increaseTo(2))).all()));
        }
    }

    @Test
    default void topicConfigsAreDescribedAndAltered() {
        String topic = "admin-topic-configs";
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            createTopic(admin, topic, 1);
            Config before = get(admin.describeConfigs(List.of(resource)).all()).get(resource);
            ConfigEntry retention = before.get("retention.ms");
            assertNotNull(retention, "retention.ms is described");
            assertNotEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, retention.source());

            get(admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "123456"), AlterConfigOp.OpType.SET)))).all());
            Wait.until("retention.ms set", WAIT, () -> {
                ConfigEntry e = get(admin.describeConfigs(List.of(resource)).values().get(resource)).get("retention.ms");
                return "123456".equals(e.value()) && e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && !e.isDefault();
            });

            ConfigEntry withSynonyms = get(admin.describeConfigs(List.of(resource), new DescribeConfigsOptions().includeSynonyms(true))
                    .values().get(resource)).get("retention.ms");
            assertEquals(new ConfigEntry.ConfigSynonym("retention.ms", "123456", ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG),
                    withSynonyms.synonyms().get(0), "the topic's own value comes first: " + withSynonyms.synonyms());

            get(admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "999"), AlterConfigOp.OpType.SET))),
                    new AlterConfigsOptions().validateOnly(true)).all());
            assertEquals("123456", get(admin.describeConfigs(List.of(resource)).all()).get(resource).get("retention.ms").value(),
                    "validateOnly changes nothing");
            assertInstanceOf(InvalidConfigurationException.class, failure(admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "soon"), AlterConfigOp.OpType.SET)))).all()));

            get(admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.APPEND)))).all());
            Wait.until("cleanup.policy appended to", WAIT, () -> "delete,compact".equals(
                    get(admin.describeConfigs(List.of(resource)).all()).get(resource).get("cleanup.policy").value()));
            get(admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SUBTRACT)))).all());
            Wait.until("cleanup.policy subtracted from", WAIT, () -> "compact".equals(
                    get(admin.describeConfigs(List.of(resource)).all()).get(resource).get("cleanup.policy").value()));

            get(admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", null), AlterConfigOp.OpType.DELETE)))).all());
            Wait.until("retention.ms back to its default", WAIT, () -> {
                ConfigEntry e = get(admin.describeConfigs(List.of(resource)).values().get(resource)).get("retention.ms");
                return e.value().equals(retention.value()) && e.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
            });

            ConfigResource missing = new ConfigResource(ConfigResource.Type.TOPIC, "admin-no-such-topic");
            assertInstanceOf(UnknownTopicOrPartitionException.class, failure(admin.describeConfigs(List.of(missing)).all()));
        }
    }

    @Test
    default void brokerConfigsAreDescribedOnEachBroker() {
        try (Admin admin = admin()) {
            for (int id : deployment().broker.brokerIds()) {
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(id));
                Config config = get(admin.describeConfigs(List.of(broker)).all()).get(broker);
                assertNotNull(config.get("log.retention.hours"), "broker " + id + " describes log.retention.hours");
                assertEquals(Integer.toString(id), config.get("broker.id").value());
                // Deleting a dynamic override that does not exist succeeds (Kafka's answer).
                get(admin.incrementalAlterConfigs(Map.of(broker, List.of(
                        new AlterConfigOp(new ConfigEntry("log.cleaner.threads", null), AlterConfigOp.OpType.DELETE)))).all());
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> groupMember(String group, String topic, int partitions) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, deployment().bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "admin-group-member");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        Wait.until(group + " assigned", WAIT, () -> {
            consumer.poll(Duration.ofMillis(100));
            return consumer.assignment().size() == partitions;
        });
        return consumer;
    }

    @Test
    default void consumerGroupsAreListedDescribedAndManaged() {
        String topic = "admin-groups";
        String group = "admin-group";
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (Admin admin = admin()) {
            createTopic(admin, topic, 2);
            KafkaConsumer<byte[], byte[]> member = groupMember(group, topic, 2);
            try {
                member.commitSync(Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(2, "m0"),
                        new org.apache.kafka.common.TopicPartition(topic, 1),
                        new org.apache.kafka.clients.consumer.OffsetAndMetadata(3, "m1")));

                Wait.until(group + " listed as stable", WAIT, () -> get(admin.listConsumerGroups().all()).contains(
                        new ConsumerGroupListing(group, false, Optional.of(ConsumerGroupState.STABLE))));
                ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
                assertEquals(group, d.groupId());
                assertFalse(d.isSimpleConsumerGroup());
                assertEquals(ConsumerGroupState.STABLE, d.state());
                assertEquals("range", d.partitionAssignor());
                assertTrue(ids(get(admin.describeCluster().nodes())).contains(d.coordinator().id()), "coordinator " + d.coordinator());
                assertEquals(1, d.members().size());
                MemberDescription m = d.members().iterator().next();
                assertEquals("admin-group-member", m.clientId());
                assertFalse(m.consumerId().isEmpty());
                assertEquals(Set.of(p0, p1), m.assignment().topicPartitions());

                assertInstanceOf(GroupNotEmptyException.class, failure(admin.deleteConsumerGroups(List.of(group)).all()));
                assertInstanceOf(UnknownMemberIdException.class,
                        failure(admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(7))).all()));
            } finally {
                member.close();
            }
            Wait.until(group + " empty", WAIT,
                    () -> get(admin.describeConsumerGroups(List.of(group)).all()).get(group).state() == ConsumerGroupState.EMPTY);

            assertTrue(get(admin.listConsumerGroups(new ListConsumerGroupsOptions().inStates(Set.of(ConsumerGroupState.EMPTY))).all())
                    .contains(new ConsumerGroupListing(group, false, Optional.of(ConsumerGroupState.EMPTY))));
            assertTrue(get(admin.listConsumerGroups(new ListConsumerGroupsOptions().inStates(Set.of(ConsumerGroupState.STABLE))).all())
                    .stream().noneMatch(l -> l.groupId().equals(group)), "the states filter leaves an empty group out");

            Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            assertEquals(Map.of(p0, new OffsetAndMetadata(2, "m0"), p1, new OffsetAndMetadata(3, "m1")), withoutEpochs(committed));

            TopicPartition unknown = new TopicPartition(topic, 7);
            Map<TopicPartition, OffsetAndMetadata> some = get(admin.listConsumerGroupOffsets(Map.of(group,
                    new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(p1, unknown)))).partitionsToOffsetAndMetadata(group));
            assertEquals(Set.of(p1, unknown), some.keySet());
            assertEquals(3, some.get(p1).offset());
            assertNull(some.get(unknown), "no offset committed for " + unknown);

            get(admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(5, "altered"))).all());
            assertEquals(new OffsetAndMetadata(5, "altered"),
                    withoutEpochs(get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata())).get(p0));

            get(admin.deleteConsumerGroupOffsets(group, Set.of(p1)).all());
            assertEquals(Set.of(p0), get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).keySet());

            get(admin.deleteConsumerGroups(List.of(group)).all());
            assertEquals(ConsumerGroupState.DEAD, get(admin.describeConsumerGroups(List.of(group)).all()).get(group).state());
            assertTrue(get(admin.listConsumerGroups().all()).stream().noneMatch(l -> l.groupId().equals(group)));
            assertInstanceOf(GroupIdNotFoundException.class, failure(admin.deleteConsumerGroups(List.of(group)).all()));
            ConsumerGroupDescription never = get(admin.describeConsumerGroups(List.of("admin-no-such-group")).all())
                    .get("admin-no-such-group");
            assertEquals(ConsumerGroupState.DEAD, never.state());
            assertTrue(never.members().isEmpty());
            assertEquals(Map.of(), get(admin.listConsumerGroupOffsets("admin-no-such-group").partitionsToOffsetAndMetadata()));
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> withoutEpochs(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        offsets.forEach((tp, om) -> out.put(tp, om == null ? null : new OffsetAndMetadata(om.offset(), om.metadata())));
        return out;
    }

    @Test
    default void offsetsAreListedAndRecordsDeleted() {
        String topic = "admin-offsets";
        TopicPartition tp = new TopicPartition(topic, 0);
        long t0 = ClientSuiteDeployment.RECENT_TIMESTAMP;
        try (Admin admin = admin()) {
            createTopic(admin, topic, 1);
            produce(topic, 0, 10, t0);
            Map<TopicPartition, ListOffsetsResultInfo> earliest = get(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all());
            assertEquals(0, earliest.get(tp).offset());
            assertEquals(10, get(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)).offset());
            ListOffsetsResultInfo at = get(admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(t0 + 4500))).partitionResult(tp));
            assertEquals(5, at.offset());
            assertEquals(t0 + 5000, at.timestamp());
            assertTrue(at.leaderEpoch().isPresent(), "the leader epoch is reported");
            ListOffsetsResultInfo max = get(admin.listOffsets(Map.of(tp, OffsetSpec.maxTimestamp())).partitionResult(tp));
            assertEquals(9, max.offset());
            assertEquals(t0 + 9000, max.timestamp());
            assertEquals(-1, get(admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(t0 + 60_000))).partitionResult(tp)).offset(),
                    "no record at or after a later timestamp");
            TopicPartition missing = new TopicPartition("admin-no-such-topic", 0);
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    failure(admin.listOffsets(Map.of(missing, OffsetSpec.latest())).partitionResult(missing)));

            assertEquals(4, get(admin.deleteRecords(Map.of(tp, RecordsToDelete.beforeOffset(4))).lowWatermarks().get(tp))
                    .lowWatermark());
            assertEquals(4, get(admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp)).offset());
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    failure(admin.deleteRecords(Map.of(missing, RecordsToDelete.beforeOffset(1))).all()));
        }
    }

    @Test
    default void clusterIsDescribed() {
        try (Admin admin = admin()) {
            Collection<Node> nodes = get(admin.describeCluster().nodes());
            assertEquals(new HashSet<>(deployment().broker.brokerIds()), ids(nodes));
            Node controller = get(admin.describeCluster().controller());
            assertNotNull(controller);
            assertTrue(ids(nodes).contains(controller.id()), "the controller " + controller + " is a broker");
            String clusterId = get(admin.describeCluster().clusterId());
            assertNotNull(clusterId);
            assertFalse(clusterId.isEmpty());
        }
    }

    @Test
    default void logDirsAreDescribed() {
        String topic = "admin-log-dirs";
        try (Admin admin = admin()) {
            createTopic(admin, topic, 2);
            List<Integer> brokers = deployment().broker.brokerIds();
            Map<TopicPartition, Integer> expected = Map.of(new TopicPartition(topic, 0), (int) rf(), new TopicPartition(topic, 1),
                    (int) rf());
            // Followers create their logs a little after the leaders are elected.
            Wait.until("every replica of " + topic + " in some broker's log dir", WAIT, () -> {
                Map<Integer, Map<String, LogDirDescription>> all = get(admin.describeLogDirs(brokers).allDescriptions());
                assertEquals(new HashSet<>(brokers), all.keySet());
                Map<TopicPartition, Integer> replicas = new HashMap<>();
                for (Map.Entry<Integer, Map<String, LogDirDescription>> broker : all.entrySet()) {
                    assertFalse(broker.getValue().isEmpty(), "broker " + broker.getKey() + " has a log dir");
                    for (LogDirDescription dir : broker.getValue().values()) {
                        assertNull(dir.error(), "log dir online: " + dir);
                        assertTrue(dir.totalBytes().isPresent() && dir.usableBytes().isPresent(), "space reported: " + dir);
                        dir.replicaInfos().forEach((tp, info) -> {
                            if (tp.topic().equals(topic)) {
                                replicas.merge(tp, 1, Integer::sum);
                                assertTrue(info.size() >= 0);
                                assertFalse(info.isFuture());
                            }
                        });
                    }
                }
                assertEquals(expected, replicas);
                return true;
            });
        }
    }

    @Test
    default void preferredElectionIsNotNeededForABalancedPartition() {
        String topic = "admin-elect";
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (Admin admin = admin()) {
            createTopic(admin, topic, 2);
            Map<TopicPartition, Optional<Throwable>> results = get(admin.electLeaders(ElectionType.PREFERRED, Set.of(p0, p1))
                    .partitions());
            assertEquals(Set.of(p0, p1), results.keySet());
            results.forEach((tp, error) -> assertInstanceOf(ElectionNotNeededException.class,
                    error.orElseThrow(() -> new AssertionError("an election for " + tp))));
            assertInstanceOf(ElectionNotNeededException.class, failure(admin.electLeaders(ElectionType.PREFERRED, Set.of(p0)).all()));
            TopicPartition missing = new TopicPartition("admin-no-such-topic", 0);
            assertInstanceOf(UnknownTopicOrPartitionException.class,
                    get(admin.electLeaders(ElectionType.PREFERRED, Set.of(missing)).partitions()).get(missing).orElseThrow());
        }
    }

    @Test
    default void cancellingAMoveThatIsNotInProgressFails() {
        String topic = "admin-cancel-move";
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = admin()) {
            createTopic(admin, topic, 1);
            assertInstanceOf(NoReassignmentInProgressException.class,
                    failure(admin.alterPartitionReassignments(Map.of(tp, Optional.empty())).values().get(tp)));
            assertEquals(Map.of(), get(admin.listPartitionReassignments(Set.of(tp)).reassignments()));
        }
    }

    @Test
    default void partitionReplicasMove() {
        List<Integer> brokers = deployment().broker.brokerIds();
        if (brokers.size() < 3) {
            return;
        }
        String topic = "admin-move";
        TopicPartition tp = new TopicPartition(topic, 0);
        List<Integer> from = List.of(brokers.get(0), brokers.get(1));
        List<Integer> to = List.of(brokers.get(1), brokers.get(2));
        try (Admin admin = admin()) {
            get(admin.createTopics(List.of(new NewTopic(topic, Map.of(0, from)))).all());
            awaitLeaders(admin, topic, 1);
            produce(topic, 0, 20, ClientSuiteDeployment.RECENT_TIMESTAMP);

            get(admin.alterPartitionReassignments(Map.of(tp, Optional.of(new NewPartitionReassignment(to)))).all());
            PartitionReassignment inFlight = get(admin.listPartitionReassignments().reassignments()).get(tp);
            if (inFlight != null) {
                // Caught while the new replica catches up: target first, then the replica leaving.
                assertEquals(List.of(brokers.get(1), brokers.get(2), brokers.get(0)), inFlight.replicas());
                assertEquals(List.of(brokers.get(2)), inFlight.addingReplicas());
                assertEquals(List.of(brokers.get(0)), inFlight.removingReplicas());
            }
            Wait.until("the move of " + tp + " done", WAIT, () -> get(admin.listPartitionReassignments(Set.of(tp))
                    .reassignments()).isEmpty());
            Wait.until(tp + " on its new replicas", WAIT, () -> {
                TopicPartitionInfo p = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().get(0);
                return p.replicas().stream().map(Node::id).toList().equals(to) && p.isr().size() == 2;
            });
            assertEquals(20, get(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)).offset());
        }
    }

    @Test
    default void aCallToADeadBootstrapServerTimesOut() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "127.0.0.1:1");
        p.put("default.api.timeout.ms", "2000");
        p.put("request.timeout.ms", "1000");
        Admin admin = Admin.create(p);
        long start = System.nanoTime();
        Throwable error = failure(admin.listTopics().names());
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(TimeoutException.class, error);
        assertTrue(elapsedMs >= 1500 && elapsedMs < 10_000, "timed out after " + elapsedMs + " ms");
        assertClosesWithin(admin::close, Duration.ofSeconds(5));
        assertInstanceOf(TimeoutException.class, failure(admin.listTopics().names()), "no call after close");

        Admin closing = Admin.create(p);
        CompletableFuture<Set<String>> pending = closing.listTopics().names();
        assertClosesWithin(() -> closing.close(Duration.ZERO), Duration.ofSeconds(5));
        assertInstanceOf(TimeoutException.class, failure(pending), "a call still waiting fails when the client closes");
    }

    private static void assertClosesWithin(Runnable close, Duration limit) {
        long start = System.nanoTime();
        close.run();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < limit.toMillis(), "close took " + ms + " ms");
    }
}
