package io.samsa.core.server;

import io.samsa.core.test.SamsaCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.UnknownTopicIdException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Apache kafka-clients 3.9.1 against an in-process Samsa broker: admin, produce, fetch. */
@Tag("integration")
@Timeout(120)
class KafkaClientsSmokeTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(1, Map.of());

    @Test
    void createPartitionsGrowsATopicThatClientsThenUse() throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic("growing", 1, (short) 1))).all().get();
            admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(4))).all().get();
            TopicDescription d = admin.describeTopics(List.of("growing")).allTopicNames().get().get("growing");
            assertEquals(4, d.partitions().size());
            assertTrue(d.partitions().stream().allMatch(p -> p.leader() != null), "every new partition has a leader");
            ExecutionException shrink = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> admin.createPartitions(Map.of("growing", NewPartitions.increaseTo(2))).all().get());
            assertTrue(shrink.getCause() instanceof InvalidPartitionsException, shrink.toString());
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
            assertEquals(0, producer.send(new ProducerRecord<>("growing", 3, "k", "v")).get().offset());
        }
    }

    @Test
    void topicsDescribedByIdWithTheOperationsOfABrokerWithoutAuthorizer() throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic("by-id", 2, (short) 1))).all().get();
            org.apache.kafka.common.Uuid id = admin.describeTopics(List.of("by-id")).allTopicNames().get().get("by-id").topicId();
            DescribeTopicsOptions withOps = new DescribeTopicsOptions().includeAuthorizedOperations(true);
            TopicDescription d = admin.describeTopics(TopicCollection.ofTopicIds(List.of(id)), withOps).allTopicIds().get().get(id);
            assertEquals("by-id", d.name());
            assertEquals(2, d.partitions().size());
            assertEquals(Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER,
                    AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS), d.authorizedOperations());
            assertEquals(null, admin.describeTopics(List.of("by-id")).allTopicNames().get().get("by-id").authorizedOperations(),
                    "not asked, not given");

            org.apache.kafka.common.Uuid unknown = org.apache.kafka.common.Uuid.randomUuid();
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> admin.describeTopics(TopicCollection.ofTopicIds(List.of(unknown))).allTopicIds().get());
            assertTrue(e.getCause() instanceof UnknownTopicIdException, e.toString());

            assertEquals(Set.of(AclOperation.CREATE, AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.CLUSTER_ACTION,
                    AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS, AclOperation.IDEMPOTENT_WRITE),
                    admin.describeCluster(new DescribeClusterOptions().includeAuthorizedOperations(true)).authorizedOperations().get());

            // Broker configs cannot change at runtime, and say so.
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "0");
            assertTrue(admin.describeConfigs(List.of(broker)).all().get().get(broker).entries().stream()
                    .allMatch(org.apache.kafka.clients.admin.ConfigEntry::isReadOnly));
        }
    }

    @Test
    void createProduceAndConsume() throws Exception {
        Properties common = new Properties();
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(common)) {
            admin.createTopics(List.of(new NewTopic("smoke", 2, (short) 1))).all().get();
            assertTrue(admin.listTopics().names().get().contains("smoke"));
        }
        Properties pp = new Properties();
        pp.putAll(common);
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        List<RecordMetadata> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 100; i++) {
                sent.add(producer.send(new ProducerRecord<>("smoke", 0, "k" + i, "v" + i)).get());
            }
        }
        assertEquals(0, sent.get(0).offset());
        assertEquals(99, sent.get(99).offset());
        Properties cp = new Properties();
        cp.putAll(common);
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition("smoke", 0);
            consumer.assign(Set.of(tp));
            consumer.seekToBeginning(Set.of(tp));
            long deadline = System.currentTimeMillis() + 30_000;
            while (got.size() < 100 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            assertEquals(Map.of(tp, 100L), consumer.endOffsets(Set.of(tp)));
        }
        assertEquals(100, got.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, got.get(i).offset());
            assertEquals("k" + i, got.get(i).key());
            assertEquals("v" + i, got.get(i).value());
        }
    }
}
