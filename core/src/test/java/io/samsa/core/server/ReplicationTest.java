package io.samsa.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.core.replication.Partition;
import io.samsa.core.test.SamsaCluster;
import io.samsa.testkit.Wait;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three brokers in one JVM, topics with three replicas and {@code min.insync.replicas=2}, driven
 * by kafka-clients: what acks=all acknowledged is on every in-sync replica, a follower that was
 * down catches up and rejoins the ISR, and losing the leader moves leadership to an in-sync
 * follower without losing an acknowledged record.
 */
@Tag("integration")
@Timeout(180)
class ReplicationTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(3, Map.of(
            "min.insync.replicas", "2",
            "replica.fetch.wait.max.ms", "100"));

    @AfterEach
    void restartStoppedBrokers() throws Exception {
        for (int id = 0; id < cluster.size(); id++) {
            if (!cluster.broker(id).isStarted()) {
                cluster.startBroker(id);
            }
        }
        cluster.waitForBrokersInMetadata();
    }

    private static void createTopic(String name, int partitions) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 3))).all().get();
        }
        cluster.waitForTopic(name, partitions);
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Sends {@code count} records keyed {@code prefix-i} and waits for every acknowledgement. */
    private static void produce(String topic, String prefix, int count) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(topic, prefix + "-" + i, "value-" + i)));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    private static Set<String> consumeAll(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> tps = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(i -> tps.add(new org.apache.kafka.common.TopicPartition(topic, i.partition())));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (keys.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
            }
        }
        return keys;
    }

    private static Optional<Partition> replica(int broker, TopicPartition tp) {
        return cluster.broker(broker).isStarted() ? cluster.broker(broker).replicaManager().partition(tp) : Optional.empty();
    }

    private static int leaderOf(TopicPartition tp) {
        for (int id = 0; id < cluster.size(); id++) {
            Optional<Partition> p = replica(id, tp);
            if (p.isPresent() && p.get().isLeader()) {
                return id;
            }
        }
        return -1;
    }

    /** Waits until every running replica of {@code tp} ends where the leader ends and has its high watermark. */
    private static void awaitReplicasInSync(TopicPartition tp) {
        Wait.until(tp + " replicated to every running broker", Duration.ofSeconds(60), () -> {
            int leader = leaderOf(tp);
            if (leader < 0) {
                return false;
            }
            long end = replica(leader, tp).get().log().logEndOffset();
            for (int id = 0; id < cluster.size(); id++) {
                if (!cluster.broker(id).isStarted()) {
                    continue;
                }
                Optional<Partition> p = replica(id, tp);
                if (p.isEmpty() || p.get().log().logEndOffset() != end || p.get().log().highWatermark() != end) {
                    return false;
                }
            }
            return true;
        });
    }

    private static void awaitIsr(TopicPartition tp, int size) {
        Wait.until(tp + " has " + size + " in-sync replicas", Duration.ofSeconds(60), () -> {
            int leader = leaderOf(tp);
            return leader >= 0 && replica(leader, tp).get().isr().size() == size && !replica(leader, tp).get().isrChangeInFlight()
                    && cluster.broker(leader).metadataCache().snapshot().partition(tp).map(p -> p.isr().size() == size).orElse(false);
        });
    }

    @Test
    void acknowledgedRecordsAreOnEveryReplicaAndConsumersReadThemAll() throws Exception {
        createTopic("replicated", 2);
        produce("replicated", "a", 2000);
        awaitReplicasInSync(new TopicPartition("replicated", 0));
        awaitReplicasInSync(new TopicPartition("replicated", 1));
        long total = 0;
        for (int p = 0; p < 2; p++) {
            TopicPartition tp = new TopicPartition("replicated", p);
            total += replica(leaderOf(tp), tp).get().log().logEndOffset();
        }
        assertEquals(2000, total);
        assertEquals(2000, consumeAll("replicated", 2000).size());
    }

    @Test
    void aFollowerThatWasDownCatchesUpAndRejoinsTheIsr() throws Exception {
        createTopic("rejoin", 1);
        TopicPartition tp = new TopicPartition("rejoin", 0);
        produce("rejoin", "before", 300);
        int leader = leaderOf(tp);
        int follower = (leader + 1) % 3;
        cluster.stopBroker(follower);
        awaitIsr(tp, 2);

        produce("rejoin", "while-down", 500);
        cluster.startBroker(follower);
        awaitIsr(tp, 3);
        awaitReplicasInSync(tp);
        assertEquals(800, replica(follower, tp).get().log().logEndOffset());
    }

    @Test
    void losingTheLeaderElectsAnInSyncFollowerAndLosesNoAcknowledgedRecord() throws Exception {
        createTopic("failover", 1);
        TopicPartition tp = new TopicPartition("failover", 0);
        produce("failover", "first", 1000);
        awaitIsr(tp, 3);
        int oldLeader = leaderOf(tp);
        cluster.stopBroker(oldLeader);
        Wait.until("a new leader", Duration.ofSeconds(30), () -> {
            int l = leaderOf(tp);
            return l >= 0 && l != oldLeader;
        });

        produce("failover", "second", 1000);
        assertEquals(2000, consumeAll("failover", 2000).size());

        cluster.startBroker(oldLeader);
        awaitIsr(tp, 3);
        awaitReplicasInSync(tp);
        assertTrue(replica(oldLeader, tp).get().log().logEndOffset() >= 2000);
    }

    @Test
    void aStoppingLeaderHandsItsLeadershipToAnInSyncFollowerBeforeItStops() throws Exception {
        createTopic("handover", 1);
        TopicPartition tp = new TopicPartition("handover", 0);
        produce("handover", "x", 100);
        awaitIsr(tp, 3);
        int leader = leaderOf(tp);
        cluster.stopBroker(leader);
        try (SamsaZkClient zk = SamsaZkClient.connect(new ZkClientSettings(cluster.zkConnect(), 6000, 6000), Time.SYSTEM)) {
            io.samsa.zk.PartitionState state = zk.partitionStates().get(tp).orElseThrow();
            assertNotEquals(leader, state.leader(), "the controller moved leadership during the controlled shutdown");
            assertFalse(state.isr().contains(leader), "and took the stopped broker out of the ISR");
            assertEquals(2, state.isr().size());
        }
        produce("handover", "y", 100);
        assertEquals(200, consumeAll("handover", 200).size());
    }
}
