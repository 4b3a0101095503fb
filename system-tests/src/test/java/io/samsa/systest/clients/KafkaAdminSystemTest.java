package io.samsa.systest.clients;

import io.samsa.testkit.Wait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache kafka-clients 3.9.1 Admin against the broker under test: createTopics (with a config
 * override), listTopics, describeTopics, describeConfigs, deleteTopics and re-creation under the
 * same name, plus the errors for a duplicate or unknown topic.
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaAdminSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("admin");

    private static final String DEFAULT_RETENTION_MS = "604800000"; // log.retention.hours=168

    @Test
    void createsListsAndDescribesTopics() {
        CreateTopicsResult created = SHARED.admin().createTopics(List.of(
                new NewTopic("admin-plain", 3, Topics.REPLICATION_FACTOR),
                new NewTopic("admin-override", 2, Topics.REPLICATION_FACTOR).configs(Map.of("retention.ms", "123456"))));
        Topics.get(created.all());
        assertEquals(3, Topics.get(created.numPartitions("admin-plain")));
        assertEquals(3, Topics.get(created.replicationFactor("admin-plain")));
        assertEquals(2, Topics.get(created.numPartitions("admin-override")));
        Uuid plainId = Topics.get(created.topicId("admin-plain"));
        assertNotEquals(Uuid.ZERO_UUID, plainId);
        assertNotEquals(plainId, Topics.get(created.topicId("admin-override")));
        Topics.awaitLeaders(SHARED.admin(), "admin-plain", 3);
        Topics.awaitLeaders(SHARED.admin(), "admin-override", 2);

        Set<String> names = Topics.get(SHARED.admin().listTopics().names());
        assertTrue(names.containsAll(Set.of("admin-plain", "admin-override")), names::toString);

        Map<String, TopicDescription> described = Topics.get(
                SHARED.admin().describeTopics(List.of("admin-plain", "admin-override")).allTopicNames());
        TopicDescription plain = described.get("admin-plain");
        assertEquals("admin-plain", plain.name());
        assertFalse(plain.isInternal());
        assertEquals(plainId, plain.topicId());
        assertEquals(3, plain.partitions().size());
        Set<Integer> preferredLeaders = new HashSet<>();
        for (int p = 0; p < 3; p++) {
            TopicPartitionInfo info = plain.partitions().get(p);
            String what = "admin-plain-" + p + ": " + info;
            assertEquals(p, info.partition());
            List<Integer> replicas = info.replicas().stream().map(Node::id).toList();
            assertEquals(Set.copyOf(SHARED.broker().brokerIds()), Set.copyOf(replicas), what);
            assertEquals(3, replicas.size(), what);
            // A new topic's leader is its preferred (first) replica, and every replica is in sync.
            assertEquals(replicas.get(0), info.leader().id(), what);
            assertEquals(SHARED.broker().port(info.leader().id()), info.leader().port(), what);
            assertEquals("127.0.0.1", info.leader().host(), what);
            assertEquals(Set.copyOf(replicas), info.isr().stream().map(Node::id).collect(Collectors.toSet()), what);
            preferredLeaders.add(replicas.get(0));
        }
        // The assignment spreads leadership: three partitions, three different preferred leaders.
        assertEquals(Set.copyOf(SHARED.broker().brokerIds()), preferredLeaders, plain::toString);
        assertEquals(2, described.get("admin-override").partitions().size());

        ConfigResource plainRes = new ConfigResource(ConfigResource.Type.TOPIC, "admin-plain");
        ConfigResource overrideRes = new ConfigResource(ConfigResource.Type.TOPIC, "admin-override");
        Map<ConfigResource, Config> configs = Topics.get(SHARED.admin().describeConfigs(List.of(plainRes, overrideRes)).all());
        ConfigEntry plainRetention = configs.get(plainRes).get("retention.ms");
        assertNotNull(plainRetention, "retention.ms missing from " + configs.get(plainRes));
        assertEquals(DEFAULT_RETENTION_MS, plainRetention.value());
        assertEquals(ConfigEntry.ConfigSource.DEFAULT_CONFIG, plainRetention.source());
        assertTrue(plainRetention.isDefault());
        ConfigEntry cleanup = configs.get(plainRes).get("cleanup.policy");
        assertNotNull(cleanup, "cleanup.policy missing");
        assertEquals("delete", cleanup.value());
        ConfigEntry overridden = configs.get(overrideRes).get("retention.ms");
        assertEquals("123456", overridden.value());
        assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, overridden.source());
        assertFalse(overridden.isDefault());
    }

    @Test
    void refusesADuplicateAndReportsAnUnknownTopic() {
        Topics.create(SHARED.admin(), "admin-duplicate", 1);
        Exception duplicate = assertThrows(Exception.class,
                () -> Topics.get(SHARED.admin().createTopics(List.of(new NewTopic("admin-duplicate", 1, Topics.REPLICATION_FACTOR))).all()));
        assertInstanceOf(TopicExistsException.class, duplicate);

        Exception unknown = assertThrows(Exception.class,
                () -> Topics.get(SHARED.admin().describeTopics(List.of("admin-no-such-topic")).allTopicNames()));
        assertInstanceOf(UnknownTopicOrPartitionException.class, unknown);
    }

    @Test
    void deletedTopicDisappearsAndCanBeRecreatedEmpty() throws Exception {
        String topic = "admin-recreated";
        Topics.create(SHARED.admin(), topic, 2);
        Uuid firstId = Topics.get(SHARED.admin().describeTopics(List.of(topic)).allTopicNames()).get(topic).topicId();
        try (KafkaProducer<String, String> producer = ClientConfigs.producer(SHARED.broker(), "all", "none", 0)) {
            producer.send(new ProducerRecord<>(topic, 1, "k", "before delete")).get(30, TimeUnit.SECONDS);
        }

        Topics.get(SHARED.admin().deleteTopics(List.of(topic)).all());
        Wait.until(topic + " gone from listTopics", Topics.TIMEOUT,
                () -> !Topics.get(SHARED.admin().listTopics().names()).contains(topic));
        Wait.until(topic + " unknown to describeTopics", Topics.TIMEOUT, () -> {
            try {
                Topics.get(SHARED.admin().describeTopics(List.of(topic)).allTopicNames());
                return false;
            } catch (UnknownTopicOrPartitionException e) {
                return true;
            }
        });

        // Deletion finishes asynchronously after the response; until it has, the name is still taken.
        Wait.until(topic + " created again", Topics.TIMEOUT, () -> {
            try {
                Topics.get(SHARED.admin().createTopics(List.of(new NewTopic(topic, 4, Topics.REPLICATION_FACTOR))).all());
                return true;
            } catch (TopicExistsException e) {
                return false;
            }
        });
        Topics.awaitLeaders(SHARED.admin(), topic, 4);
        TopicDescription again = Topics.get(SHARED.admin().describeTopics(List.of(topic)).allTopicNames()).get(topic);
        assertEquals(4, again.partitions().size());
        assertNotEquals(firstId, again.topicId());

        try (KafkaConsumer<String, String> consumer = ClientConfigs.consumer(SHARED.broker())) {
            TopicPartition tp = new TopicPartition(topic, 1);
            assertEquals(Map.of(tp, 0L), consumer.endOffsets(List.of(tp)), "the old record must be gone");
        }
    }
}
