package io.samsa.core.coordinator.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code __consumer_offsets} with Kafka's default three replicas on three brokers: a committed
 * offset is on every in-sync replica, so when its coordinator stops, the broker that takes over
 * the offsets partition loads it from its own replica and answers with it.
 */
@Tag("integration")
@Timeout(180)
class ReplicatedOffsetsIntegrationTest {

    private static final int OFFSETS_PARTITIONS = 3;

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(3, Map.of(
            "group.initial.rebalance.delay.ms", "0",
            "offsets.topic.num.partitions", Integer.toString(OFFSETS_PARTITIONS),
            "offsets.topic.replication.factor", "3",
            "min.insync.replicas", "2",
            "replica.fetch.wait.max.ms", "100"));

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        return Admin.create(p);
    }

    private static KafkaConsumer<String, String> consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    /** The group's coordinator, or -1 while none answers (it is moving). */
    private static int coordinatorOf(String group) {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).coordinator().id();
        } catch (java.util.concurrent.ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static long committed(String group, TopicPartition tp) {
        try (KafkaConsumer<String, String> c = consumer(group)) {
            OffsetAndMetadata o = c.committed(java.util.Set.of(tp), Duration.ofSeconds(30)).get(tp);
            return o == null ? -1L : o.offset();
        }
    }

    @Test
    void aCommittedOffsetSurvivesTheLossOfItsCoordinator() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic("orders", 1, (short) 3))).all().get();
        }
        cluster.waitForTopic("orders", 1);
        TopicPartition tp = new TopicPartition("orders", 0);
        Map<String, Long> offsets = new HashMap<>();
        for (int i = 0; i < OFFSETS_PARTITIONS * 2; i++) {
            String group = "g" + i;
            try (KafkaConsumer<String, String> c = consumer(group)) {
                c.assign(List.of(tp));
                c.commitSync(Map.of(tp, new OffsetAndMetadata(100 + i)));
            }
            offsets.put(group, 100L + i);
        }
        String group = "g0";
        int coordinator = coordinatorOf(group);
        cluster.stopBroker(coordinator);
        try {
            Wait.until("another coordinator for " + group, Duration.ofSeconds(60), () -> {
                int now = coordinatorOf(group);
                return now >= 0 && now != coordinator;
            });
            assertNotEquals(coordinator, coordinatorOf(group));
            for (Map.Entry<String, Long> e : offsets.entrySet()) {
                assertEquals(e.getValue(), committed(e.getKey(), tp), "the committed offset of " + e.getKey());
            }
        } finally {
            cluster.startBroker(coordinator);
            cluster.waitForBrokersInMetadata();
        }
        for (Map.Entry<String, Long> e : offsets.entrySet()) {
            assertEquals(e.getValue(), committed(e.getKey(), tp), "after the restart, the committed offset of " + e.getKey());
        }
    }
}
