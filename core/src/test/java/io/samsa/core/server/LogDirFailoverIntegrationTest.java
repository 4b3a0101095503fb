package io.samsa.core.server;

import static io.samsa.testkit.Futures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.samsa.common.TopicPartition;
import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Futures;
import io.samsa.testkit.Wait;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failed log dir on the leader moves that partition's leadership (and only that partition's:
 * the broker keeps leading what its other dir holds), an acks=all producer carries on without
 * losing a record, DescribeLogDirs reports the dir failed, and the broker restarted with the dir readable again rejoins the ISR.
 */
@Tag("integration")
@Timeout(180)
class LogDirFailoverIntegrationTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(3, Map.of("replica.fetch.wait.max.ms", "100",
            "auto.leader.rebalance.enable", "false", "min.insync.replicas", "2")).withLogDirsPerBroker(2);

    private static TopicPartitionInfo describe(Admin admin, String topic, int partition) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().get(partition);
    }

    private static List<Integer> ids(List<org.apache.kafka.common.Node> nodes) {
        return nodes.stream().map(org.apache.kafka.common.Node::id).sorted().toList();
    }

    @Test
    void aFailedDirOnTheLeaderMovesOnlyItsPartitionsAndLosesNothing() throws Exception {
        Properties ap = new Properties();
        ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        try (Admin admin = Admin.create(ap);
             KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
            admin.createTopics(List.of(new NewTopic("disk", Map.of(0, List.of(0, 1, 2), 1, List.of(0, 2, 1))))).all().get();
            cluster.waitForTopic("disk", 2);
            List<Future<RecordMetadata>> acked = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                acked.add(producer.send(new ProducerRecord<>("disk", 0, null, "before-" + i)));
            }
            producer.flush();
            acked.forEach(Futures::get);

            TopicPartition d0 = new TopicPartition("disk", 0);
            TopicPartition d1 = new TopicPartition("disk", 1);
            File failing = cluster.broker(0).logManager().getLog(d0).parentDir();
            File other = cluster.broker(0).logManager().getLog(d1).parentDir();
            Wait.until("both partitions in sync", () -> describe(admin, "disk", 0).isr().size() == 3 && describe(admin, "disk", 1).isr().size() == 3);
            assertNotEquals(failing, other, "new logs go to the dir with the fewest, so the two are apart");

            cluster.broker(0).logManager().markOffline(failing, new IOException("No space left on device"));

            Wait.until("disk-0 led by another broker", () -> describe(admin, "disk", 0).leader().id() != 0);
            TopicPartitionInfo moved = describe(admin, "disk", 0);
            assertEquals(List.of(1, 2), ids(moved.isr()), "broker 0's replica left the ISR");
            assertEquals(0, describe(admin, "disk", 1).leader().id(), "broker 0 keeps leading what its good dir holds");
            Map<String, LogDirDescription> dirs = get(admin.describeLogDirs(List.of(0)).allDescriptions()).get(0);
            assertInstanceOf(KafkaStorageException.class, dirs.get(failing.getAbsolutePath()).error(), "the failed dir");
            assertNull(dirs.get(other.getAbsolutePath()).error(), "the good dir");

            for (int i = 0; i < 100; i++) {
                acked.add(producer.send(new ProducerRecord<>("disk", 0, null, "after-" + i)));
            }
            producer.flush();
            acked.forEach(Futures::get);

            cluster.stopBroker(0);
            cluster.startBroker(0);
            cluster.waitForBrokersInMetadata();
            Wait.until("broker 0 back in disk-0's ISR", () -> describe(admin, "disk", 0).isr().size() == 3);

            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(List.of(new org.apache.kafka.common.TopicPartition("disk", 0)));
                List<String> values = new ArrayList<>();
                Wait.until("every acknowledged record read back", () -> {
                    for (ConsumerRecord<String, String> r : consumer.poll(java.time.Duration.ofMillis(200))) {
                        values.add(r.value());
                    }
                    return values.size() >= 200;
                });
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    expected.add("before-" + i);
                }
                for (int i = 0; i < 100; i++) {
                    expected.add("after-" + i);
                }
                assertEquals(expected, values);
            }
        }
    }
}
