package io.samsa.core.server;

import static io.samsa.testkit.Futures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.replication.Partition;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.AlterPartitionReassignmentsRequest;
import io.samsa.protocol.message.AlterPartitionReassignmentsResponse;
import io.samsa.protocol.message.ListPartitionReassignmentsRequest;
import io.samsa.protocol.message.ListPartitionReassignmentsResponse;
import io.samsa.testkit.Wait;
import io.samsa.zk.PartitionState;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.ZkClientSettings;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.NoReassignmentInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Partition reassignment on four in-process brokers, driven by kafka-clients' Admin
 * (alterPartitionReassignments / listPartitionReassignments): a replicated partition moves to
 * other brokers while an acks=all producer writes to it and loses nothing acknowledged; the
 * removed replica's log is deleted and the new replicas end where the leader ends; a cancellation
 * reverts to the original replicas; bad requests answer Kafka's errors and change nothing; only the
 * controller serves the two APIs.
 */
@Tag("integration")
@Timeout(240)
class PartitionReassignmentTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(4, Map.of(
            "min.insync.replicas", "2",
            "replica.fetch.wait.max.ms", "100",
            "log.segment.delete.delay.ms", "100"));

    private static Admin admin;
    private static SamsaZkClient zk;

    @BeforeAll
    static void connect() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        admin = Admin.create(p);
        zk = SamsaZkClient.connect(new ZkClientSettings(cluster.zkConnect(), 6000, 6000), Time.SYSTEM);
    }

    @AfterAll
    static void disconnect() {
        admin.close();
        zk.close();
    }

    @AfterEach
    void restartStoppedBrokers() throws Exception {
        for (int id = 0; id < cluster.size(); id++) {
            if (!cluster.broker(id).isStarted()) {
                cluster.startBroker(id);
            }
        }
        cluster.waitForBrokersInMetadata();
    }

    private static void createTopic(String name, List<Integer> replicas) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, Map.of(0, replicas)))).all().get();
        cluster.waitForTopic(name, 1);
    }

    private static org.apache.kafka.common.TopicPartition kafkaTp(TopicPartition tp) {
        return new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
    }

    private static void reassign(TopicPartition tp, List<Integer> target) throws Exception {
        Optional<NewPartitionReassignment> r = target == null ? Optional.empty() : Optional.of(new NewPartitionReassignment(target));
        admin.alterPartitionReassignments(Map.of(kafkaTp(tp), r)).all().get();
    }

    private static Throwable reassignFailure(TopicPartition tp, List<Integer> target) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> reassign(tp, target));
        return e.getCause();
    }

    private static Map<org.apache.kafka.common.TopicPartition, PartitionReassignment> inProgress() {
        return get(admin.listPartitionReassignments().reassignments());
    }

    private static TopicPartitionInfo describe(TopicPartition tp) {
        return get(admin.describeTopics(List.of(tp.topic())).allTopicNames()).get(tp.topic()).partitions().get(tp.partition());
    }

    private static List<Integer> replicasOf(TopicPartitionInfo info) {
        List<Integer> ids = new ArrayList<>();
        info.replicas().forEach(n -> ids.add(n.id()));
        return ids;
    }

    private static Optional<Partition> replica(int broker, TopicPartition tp) {
        return cluster.broker(broker).replicaManager().partition(tp);
    }

    /** No partition, no log, and no directory (not even one renamed for deletion) of {@code tp} on the broker. */
    private static boolean hostsNothingOf(int broker, TopicPartition tp) {
        if (replica(broker, tp).isPresent() || cluster.broker(broker).logManager().getLog(tp) != null) {
            return false;
        }
        File[] left = new File(cluster.brokerProps(broker).get("log.dirs")).listFiles((dir, name) -> name.startsWith(tp.topic() + "-"));
        return left == null || left.length == 0;
    }

    /** An acks=all idempotent producer writing keys k-0, k-1, ... until closed, remembering which were acknowledged. */
    private static final class AckedProducer implements AutoCloseable {
        final Set<String> acked = ConcurrentHashMap.newKeySet();
        final List<Exception> failures = new CopyOnWriteArrayList<>();
        private final KafkaProducer<String, String> producer;
        private final Thread thread;
        private volatile boolean stopped;

        AckedProducer(String topic) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "60000");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            thread = new Thread(() -> run(topic), "acked-producer");
            thread.start();
        }

        private void run(String topic) {
            int i = 0;
            while (!stopped) {
                Future<RecordMetadata> last = null;
                // Bursts of 20, each waited for: the producer keeps writing without running far ahead of the acknowledgements.
                for (int n = 0; n < 20; n++, i++) {
                    String key = "k-" + i;
                    last = producer.send(new ProducerRecord<>(topic, key, "v-" + i), (md, e) -> {
                        if (e == null) {
                            acked.add(key);
                        } else {
                            failures.add(e);
                        }
                    });
                }
                try {
                    last.get();
                } catch (InterruptedException e) {
                    return;
                } catch (ExecutionException e) {
                    // Recorded by the callback.
                }
            }
        }

        void awaitAcked(int count) {
            Wait.until(count + " records acknowledged", Duration.ofSeconds(60), () -> acked.size() >= count || !failures.isEmpty());
            assertEquals(List.of(), failures);
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join();
            producer.close();
        }
    }

    private static Set<String> consumeAll(String topic, Set<String> expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> tps = List.of(new org.apache.kafka.common.TopicPartition(topic, 0));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Wait.until("every acknowledged record consumed", Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(r.key());
                }
                return keys.containsAll(expected);
            });
        }
        return keys;
    }

    @Test
    void aPartitionMovesWhileAnAcksAllProducerWritesAndNothingAcknowledgedIsLost() throws Exception {
        TopicPartition tp = new TopicPartition("moving", 0);
        createTopic(tp.topic(), List.of(0, 1, 2));
        assertEquals(0, describe(tp).leader().id(), "broker 0, the leader, is the one that leaves");

        Set<String> acked;
        try (AckedProducer producer = new AckedProducer(tp.topic())) {
            producer.awaitAcked(300);
            reassign(tp, List.of(1, 2, 3));
            Wait.until("the reassignment completes", Duration.ofSeconds(60), () -> inProgress().isEmpty()
                    && replicasOf(describe(tp)).equals(List.of(1, 2, 3)));
            // And the producer goes on writing to the new leader.
            producer.awaitAcked(producer.acked.size() + 300);
            producer.close();
            assertEquals(List.of(), producer.failures, "no send failed");
            acked = Set.copyOf(producer.acked);
        }
        TopicPartitionInfo after = describe(tp);
        assertTrue(List.of(1, 2, 3).contains(after.leader().id()), "led by a target replica: " + after);

        assertTrue(consumeAll(tp.topic(), acked).containsAll(acked));

        Wait.until("broker 0 deleted its replica", Duration.ofSeconds(30), () -> hostsNothingOf(0, tp));
        Wait.until("the new replicas end where the leader ends", Duration.ofSeconds(60), () -> {
            Set<Long> ends = new HashSet<>();
            for (int broker : List.of(1, 2, 3)) {
                Optional<Partition> p = replica(broker, tp);
                if (p.isEmpty() || p.get().log().highWatermark() != p.get().log().logEndOffset()) {
                    return false;
                }
                ends.add(p.get().log().logEndOffset());
            }
            return ends.size() == 1;
        });
        assertTrue(replica(3, tp).orElseThrow().log().logEndOffset() >= acked.size());
        PartitionState state = zk.partitionStates().get(tp).orElseThrow();
        assertEquals(Set.of(1, 2, 3), Set.copyOf(state.isr()));
        assertTrue(zk.topics().get(tp.topic(), null).orElseThrow().value().addingReplicas().isEmpty());
    }

    @Test
    void cancellingAReassignmentRevertsToTheOriginalReplicas() throws Exception {
        TopicPartition tp = new TopicPartition("cancelled", 0);
        createTopic(tp.topic(), List.of(0, 1, 2));
        // The target broker is down, so the reassignment stays in progress; Kafka's controller
        // accepts such a request through the legacy znode (the API would refuse the dead broker).
        cluster.stopBroker(3);
        Wait.until("the controller sees broker 3 gone", Duration.ofSeconds(30),
                () -> get(admin.describeCluster().nodes()).stream().noneMatch(n -> n.id() == 3));
        assertTrue(zk.reassignments().create(Map.of(tp, List.of(3, 1, 2))));

        Wait.until("the reassignment is in progress", Duration.ofSeconds(30), () -> inProgress().containsKey(kafkaTp(tp)));
        PartitionReassignment listed = inProgress().get(kafkaTp(tp));
        assertEquals(List.of(3, 1, 2, 0), listed.replicas());
        assertEquals(List.of(3), listed.addingReplicas());
        assertEquals(List.of(0), listed.removingReplicas());
        // The controller answers at once; brokers learn of the new replicas from its UpdateMetadata.
        Wait.until("Metadata lists every replica involved", Duration.ofSeconds(30),
                () -> replicasOf(describe(tp)).equals(List.of(3, 1, 2, 0)));

        reassign(tp, null);

        assertEquals(Map.of(), inProgress());
        // The original replicas, in the order Kafka can recover from [3, 1, 2, 0] minus the adding
        // ones: it warns that a cancellation cannot restore the order where target and origin overlap.
        Wait.until("the original replicas are back", Duration.ofSeconds(30), () -> replicasOf(describe(tp)).equals(List.of(1, 2, 0)));
        assertEquals(Optional.empty(), zk.reassignments().get(null), "the legacy request was dropped");
        assertInstanceOf(NoReassignmentInProgressException.class, reassignFailure(tp, null));
        cluster.startBroker(3);
        cluster.waitForBrokersInMetadata();
        assertTrue(hostsNothingOf(3, tp));
    }

    @Test
    void badRequestsAnswerKafkasErrorsAndChangeNothing() throws Exception {
        TopicPartition tp = new TopicPartition("steady", 0);
        createTopic(tp.topic(), List.of(0, 1, 2));
        PartitionState before = zk.partitionStates().get(tp).orElseThrow();

        assertInstanceOf(UnknownTopicOrPartitionException.class, reassignFailure(new TopicPartition("no-such-topic", 0), List.of(0, 1)));
        assertInstanceOf(UnknownTopicOrPartitionException.class, reassignFailure(new TopicPartition("steady", 5), List.of(0, 1)));
        Throwable duplicate = reassignFailure(tp, List.of(1, 1, 2));
        assertInstanceOf(InvalidReplicaAssignmentException.class, duplicate);
        assertTrue(duplicate.getMessage().contains("Duplicate replica ids"), duplicate.getMessage());
        Throwable unknownBroker = reassignFailure(tp, List.of(0, 1, 7));
        assertInstanceOf(InvalidReplicaAssignmentException.class, unknownBroker);
        assertTrue(unknownBroker.getMessage().contains("not alive"), unknownBroker.getMessage());
        assertInstanceOf(NoReassignmentInProgressException.class, reassignFailure(tp, null));

        assertEquals(Map.of(), inProgress());
        assertEquals(List.of(0, 1, 2), replicasOf(describe(tp)));
        assertEquals(before, zk.partitionStates().get(tp).orElseThrow(), "not even a new leader epoch");
        assertEquals(Map.of(0, List.of(0, 1, 2)), zk.topics().get(tp.topic(), null).orElseThrow().value().partitions());
    }

    @Test
    void onTheWireOnlyTheControllerAnswersAndNullReplicasCancel() throws Exception {
        TopicPartition tp = new TopicPartition("wired", 0);
        createTopic(tp.topic(), List.of(0, 1, 2));
        int controller = -1;
        for (int id = 0; id < cluster.size(); id++) {
            if (cluster.broker(id).isController()) {
                controller = id;
            }
        }
        int other = (controller + 1) % cluster.size();

        AlterPartitionReassignmentsRequest cancel = new AlterPartitionReassignmentsRequest();
        AlterPartitionReassignmentsRequest.ReassignableTopic topic = new AlterPartitionReassignmentsRequest.ReassignableTopic()
                .setName(tp.topic());
        topic.partitions().add(new AlterPartitionReassignmentsRequest.ReassignablePartition().setPartitionIndex(0).setReplicas(null));
        cancel.topics().add(topic);
        ListPartitionReassignmentsRequest list = new ListPartitionReassignmentsRequest();

        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(other), "reassignment-wire", 10_000)) {
            AlterPartitionReassignmentsResponse refused = c.send(cancel, (short) 0);
            assertEquals(Errors.NOT_CONTROLLER.code(), refused.errorCode());
            assertEquals("This is not the correct controller for this cluster.", refused.errorMessage());
            assertEquals(List.of(), refused.responses());
            assertEquals(Errors.NOT_CONTROLLER.code(), c.<ListPartitionReassignmentsResponse>send(list, (short) 0).errorCode());
        }
        try (BrokerConnection c = new BrokerConnection("127.0.0.1", cluster.port(controller), "reassignment-wire", 10_000)) {
            AlterPartitionReassignmentsResponse answered = c.send(cancel, (short) 0);
            assertEquals(Errors.NONE.code(), answered.errorCode());
            AlterPartitionReassignmentsResponse.ReassignablePartitionResponse p = answered.responses().get(0).partitions().get(0);
            assertEquals(tp.topic(), answered.responses().get(0).name());
            assertEquals(Errors.NO_REASSIGNMENT_IN_PROGRESS.code(), p.errorCode(), "null replicas cancel, and there is nothing to cancel");
            assertEquals("No partition reassignment is in progress.", p.errorMessage());

            ListPartitionReassignmentsResponse all = c.send(list.setTopics(null), (short) 0);
            assertEquals(Errors.NONE.code(), all.errorCode());
            assertEquals(List.of(), all.topics());
        }
    }
}
