package io.samsa.systest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.ProcessCluster;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A three-broker cluster of separate processes (RF=1 topics) under broker loss: leader placement,
 * kill -9 of a broker (its partitions go offline as soon as the controller finds its process gone,
 * without waiting for its ZooKeeper session to expire, and come back with their data when it
 * returns), SIGTERM (they go offline at once), a restart right after kill -9, and kill -9 of the
 * controller. Every test leaves the cluster whole again (see {@link LiveCluster}).
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BrokerFailureSystemTest {

    private static final int SESSION_TIMEOUT_MS = 6_000;
    private static final int BROKERS = 3;

    @RegisterExtension
    static final LiveCluster LIVE = new LiveCluster("broker-failure", BROKERS, SESSION_TIMEOUT_MS);

    /** Session expiry, plus time for the controller to react and metadata to reach every broker. */
    private static final Duration EXPIRY_DEADLINE = Duration.ofMillis(SESSION_TIMEOUT_MS + 15_000);

    @Test
    void sixPartitionTopicGivesEachOfThreeBrokersTwoLeaders() {
        Admin admin = LIVE.admin();
        Leaders.createTopic(admin, "spread", 6);
        TopicDescription d = ClusterClients.get(admin.describeTopics(List.of("spread")).allTopicNames()).get("spread");

        Map<Integer, Integer> leadsPerBroker = new TreeMap<>();
        for (TopicPartitionInfo p : d.partitions()) {
            assertEquals(1, p.replicas().size(), "replicas of spread-" + p.partition() + ": " + p.replicas());
            assertEquals(p.leader().id(), p.replicas().get(0).id(), "leader of spread-" + p.partition() + " is its replica");
            assertEquals(List.of(p.leader()), p.isr(), "ISR of spread-" + p.partition());
            leadsPerBroker.merge(p.leader().id(), 1, Integer::sum);
        }
        assertEquals(Map.of(0, 2, 1, 2, 2, 2), leadsPerBroker, "partitions led per broker: " + d);
    }

    @Test
    void killedBrokersPartitionsGoOfflineAndReturnWithTheirData() {
        Admin admin = LIVE.admin();
        ProcessCluster cluster = LIVE.cluster();
        String topic = "failover";
        Map<Integer, Integer> before = Leaders.createTopic(admin, topic, 6);
        // Not the controller: this test is about a broker's partitions, not about controller failover.
        int victim = (LIVE.zk().controller().getAsInt() + 1) % BROKERS;
        assertTrue(before.containsValue(victim), "victim " + victim + " leads nothing: " + before);

        Map<Integer, List<String>> written = new HashMap<>();
        try (KafkaProducer<String, String> producer = ClusterClients.producer(cluster.bootstrapServers(), "all")) {
            for (int p : before.keySet()) {
                written.put(p, new ArrayList<>());
                for (int i = 0; i < 20; i++) {
                    String value = "before-kill-p" + p + "-" + i;
                    ClusterClients.send(producer, new ProducerRecord<>(topic, p, "k" + i, value));
                    written.get(p).add(value);
                }
            }
        }

        cluster.kill9(victim);
        Map<Integer, Integer> expectedOffline = new TreeMap<>(before);
        expectedOffline.replaceAll((p, leader) -> leader == victim ? Leaders.NONE : leader);
        Leaders.await(admin, topic, "partitions of killed broker " + victim + " without leader, the rest unchanged",
                EXPIRY_DEADLINE, expectedOffline::equals);
        Wait.until("broker " + victim + " gone from the cluster metadata", EXPIRY_DEADLINE,
                () -> !LIVE.liveBrokers().contains(victim));

        // The surviving brokers keep serving their partitions.
        try (KafkaProducer<String, String> producer = ClusterClients.producer(cluster.bootstrapServers(), "all")) {
            for (Map.Entry<Integer, Integer> e : before.entrySet()) {
                if (e.getValue() != victim) {
                    String value = "while-down-p" + e.getKey();
                    long offset = ClusterClients.send(producer, new ProducerRecord<>(topic, e.getKey(), "k", value)).offset();
                    assertEquals(20, offset, "offset of the first record produced to " + topic + "-" + e.getKey() + " while " + victim + " is down");
                    written.get(e.getKey()).add(value);
                }
            }
        }
        for (Map.Entry<Integer, Integer> e : before.entrySet()) {
            if (e.getValue() != victim) {
                assertValues(written.get(e.getKey()), topic, e.getKey());
            }
        }

        cluster.startBroker(victim);
        Leaders.await(admin, topic, "broker " + victim + " leading its partitions again", Duration.ofSeconds(60), before::equals);
        for (int p : before.keySet()) {
            assertValues(written.get(p), topic, p);
        }
    }

    @Test
    void sigtermedBrokersPartitionsGoOfflineWithoutWaitingForSessionExpiry() {
        Admin admin = LIVE.admin();
        ProcessCluster cluster = LIVE.cluster();
        String topic = "clean-stop";
        Map<Integer, Integer> before = Leaders.createTopic(admin, topic, 3);
        int victim = (LIVE.zk().controller().getAsInt() + 1) % BROKERS;
        assertTrue(before.containsValue(victim), "victim " + victim + " leads nothing: " + before);

        assertEquals(143, cluster.stop(victim), "exit status after SIGTERM");
        long stoppedAt = System.nanoTime();
        assertFalse(LIVE.zk().isRegistered(victim), "/brokers/ids/" + victim + " outlived a clean shutdown");
        Map<Integer, Integer> expectedOffline = new TreeMap<>(before);
        expectedOffline.replaceAll((p, leader) -> leader == victim ? Leaders.NONE : leader);
        // Well inside the session timeout: the controller reacts to the deleted registration, not to expiry.
        Leaders.await(admin, topic, "partitions of stopped broker " + victim + " without leader within half the session timeout",
                Duration.ofMillis(SESSION_TIMEOUT_MS / 2), expectedOffline::equals);
        long offlineAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);

        int logMark = cluster.brokerLog(victim).length();
        cluster.startBroker(victim);
        Leaders.await(admin, topic, "broker " + victim + " leading its partitions again", Duration.ofSeconds(30), before::equals);
        assertFalse(cluster.brokerLog(victim).substring(logMark).contains("still registered"),
                "a cleanly stopped broker found its own registration at restart");
        System.out.printf("partitions of SIGTERMed broker %d offline after %d ms%n", victim, offlineAfterMs);
    }

    @Test
    void brokerRestartedRightAfterKill9RegistersWithoutWaitingForItsOldSession() {
        Admin admin = LIVE.admin();
        ProcessCluster cluster = LIVE.cluster();
        String topic = "early-restart";
        Map<Integer, Integer> leaders = Leaders.createTopic(admin, topic, 3);
        int controller = LIVE.zk().controller().getAsInt();
        int victim = (controller + 2) % BROKERS;
        int partition = leaders.entrySet().stream().filter(e -> e.getValue() == victim).findFirst()
                .orElseThrow(() -> new AssertionError("broker " + victim + " leads no partition of " + topic + ": " + leaders)).getKey();
        List<String> written = new ArrayList<>();
        try (KafkaProducer<String, String> producer = ClusterClients.producer(cluster.bootstrapServers(), "all")) {
            for (int i = 0; i < 5; i++) {
                written.add("v" + i);
                ClusterClients.send(producer, new ProducerRecord<>(topic, partition, "k" + i, "v" + i));
            }
        }

        int logMark = cluster.brokerLog(victim).length();
        int controllerLogMark = cluster.brokerLog(controller).length();
        cluster.kill9(victim);
        long killedAt = System.nanoTime();
        cluster.startBroker(victim);

        Wait.until("restarted broker " + victim + " registering (log " + cluster.logFile("broker-" + victim) + ")",
                Duration.ofMillis(SESSION_TIMEOUT_MS + 45_000), () -> {
                    if (!cluster.broker(victim).isAlive()) {
                        throw new AssertionError("restarted broker " + victim + " exited with " + cluster.broker(victim).exitValue()
                                + ":\n" + cluster.brokerLog(victim).substring(logMark));
                    }
                    return cluster.brokerLog(victim).substring(logMark).contains("Registered broker " + victim + " ");
                });
        long registeredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        String log = cluster.brokerLog(victim).substring(logMark);
        // The controller found the killed process's listener closed and removed its registration,
        // so the new process did not wait for ZooKeeper to expire the old session.
        assertTrue(cluster.brokerLog(controller).substring(controllerLogMark).contains("Broker " + victim + " (epoch "),
                "the controller did not remove the dead broker's registration:\n" + cluster.brokerLog(controller).substring(controllerLogMark));
        System.out.printf("broker %d registered again %d ms after kill -9 (session timeout %d ms)%n", victim, registeredAfterMs,
                SESSION_TIMEOUT_MS);

        assertTrue(cluster.broker(victim).isAlive(), "restarted broker died:\n" + log);
        assertTrue(LIVE.zk().isRegistered(victim));
        Leaders.await(admin, topic, "broker " + victim + " leading " + topic + "-" + partition + " again",
                Duration.ofSeconds(30), leaders::equals);
        try (KafkaProducer<String, String> producer = ClusterClients.producer(cluster.bootstrapServers(), "all")) {
            assertEquals(5, ClusterClients.send(producer, new ProducerRecord<>(topic, partition, "k5", "v5")).offset());
            written.add("v5");
        }
        assertValues(written, topic, partition);
    }

    @Test
    void killedControllerIsReplacedWithinSessionTimeoutAndTopicsCanStillBeCreated() {
        Admin admin = LIVE.admin();
        ProcessCluster cluster = LIVE.cluster();
        int old = LIVE.zk().controller().getAsInt();
        int oldEpoch = LIVE.zk().controllerEpoch();
        assertEquals(old, ClusterClients.get(admin.describeCluster().controller()).id(), "controller in metadata vs /controller");

        cluster.kill9(old);
        long killedAt = System.nanoTime();
        Duration bound = Duration.ofMillis(SESSION_TIMEOUT_MS + 5_000);
        Wait.until("a broker other than " + old + " in /controller within " + bound, bound,
                () -> LIVE.zk().controller().isPresent() && LIVE.zk().controller().getAsInt() != old);
        long electedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        int successor = LIVE.zk().controller().getAsInt();
        assertNotEquals(old, successor);
        assertTrue(cluster.broker(successor).isAlive());
        assertTrue(LIVE.zk().controllerEpoch() > oldEpoch, "controller epoch " + LIVE.zk().controllerEpoch() + " after " + oldEpoch);
        Wait.until("metadata naming " + successor + " as controller", Duration.ofSeconds(15),
                () -> ClusterClients.get(admin.describeCluster().controller()).id() == successor);
        Wait.until("broker " + old + " gone from the cluster metadata", Duration.ofSeconds(15),
                () -> !LIVE.liveBrokers().contains(old));

        String topic = "after-failover";
        Map<Integer, Integer> leaders = Leaders.createTopic(admin, topic, 4);
        assertFalse(leaders.containsValue(old), "partition assigned to the dead broker " + old + ": " + leaders);
        try (KafkaProducer<String, String> producer = ClusterClients.producer(cluster.bootstrapServers(), "all")) {
            for (int p : leaders.keySet()) {
                assertEquals(0, ClusterClients.send(producer, new ProducerRecord<>(topic, p, "k", "after-" + p)).offset());
            }
        }
        for (int p : leaders.keySet()) {
            assertValues(List.of("after-" + p), topic, p);
        }
        System.out.printf("controller %d -> %d elected %d ms after kill -9%n", old, successor, electedAfterMs);
    }

    private static void assertValues(List<String> expected, String topic, int partition) {
        ClusterClients.assertValues(LIVE.cluster().bootstrapServers(), expected, topic, partition);
    }
}
