package io.samsa.systest.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.ZkInspector;
import io.samsa.systest.harness.ZkInspector.PartitionState;
import io.samsa.testkit.Futures;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Failover speed with the default {@code zookeeper.session.timeout.ms} (18 s), as a client sees it:
 * an acks=all producer writes 50 records a second to a partition replicated on three brokers, the
 * leader is killed with kill -9, and the longest time between two acknowledgements is the write
 * gap. Kafka's gap is its session timeout (18.3 s measured here); Samsa's must be at most half of
 * that. And no false failover: a leader paused for 3 s (a long GC pause) keeps its leadership.
 * {@code -Dsystest.broker=kafka} runs the same against Kafka 3.9.1 (the gap is reported, not held
 * to Samsa's bound).
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.MethodName.class)
class FailoverSpeedSystemTest {

    private static final BrokerKind KIND = BrokerKind.fromSystemProperty();
    private static final int DEFAULT_SESSION_TIMEOUT_MS = 18_000;
    /** Half of Kafka's measured gap (18.3 s). */
    private static final long SAMSA_MAX_GAP_MS = 9_150;
    private static final String TOPIC = "speed";
    private static final Duration FAILOVER = Duration.ofMillis(DEFAULT_SESSION_TIMEOUT_MS + 30_000);

    private static ProcessCluster cluster;
    private static ZkInspector zk;
    private static Admin admin;
    private static PartitionWatch partition;

    @BeforeAll
    static void start() {
        cluster = new ProcessCluster(KIND, KIND.label() + "-failover-speed", 3, DEFAULT_SESSION_TIMEOUT_MS);
        cluster.setBrokerConfig("min.insync.replicas", "2");
        cluster.setBrokerConfig("offsets.topic.replication.factor", "3");
        cluster.setBrokerConfig("auto.leader.rebalance.enable", "false");
        cluster.start();
        zk = new ZkInspector(cluster.zkConnect());
        Wait.until("three brokers registered and a controller", Duration.ofSeconds(90),
                () -> cluster.brokerIds().stream().allMatch(zk::isRegistered) && zk.controller().isPresent());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        admin = Admin.create(p);
        // Led by a broker that is not the controller: this is about losing a partition leader.
        int first = (zk.controller().getAsInt() + 1) % 3;
        List<Integer> replicas = List.of(first, (first + 1) % 3, (first + 2) % 3);
        Futures.get(admin.createTopics(List.of(new NewTopic(TOPIC, Map.of(0, replicas)))).all());
        partition = new PartitionWatch(zk, TOPIC, 0, Set.copyOf(replicas));
        partition.await("led by " + first + " with a full ISR", Duration.ofSeconds(60),
                s -> s.leader() == first && s.isr().size() == 3);
    }

    @AfterAll
    static void stop() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (zk != null) {
            zk.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void a_killedLeadersWriteGapIsAtMostHalfOfKafkas() {
        try (AckClock clock = AckClock.start(cluster.bootstrapServers(), TOPIC)) {
            clock.awaitAcks(100, Duration.ofSeconds(30));
            int leader = partition.leader();
            long killedNanos = System.nanoTime();
            cluster.kill9(leader);
            PartitionState after = partition.awaitLeaderOtherThan(leader, FAILOVER);
            long electedMs = (System.nanoTime() - killedNanos) / 1_000_000;
            clock.awaitAcksAfter(killedNanos, 100, FAILOVER);
            long gap = clock.longestGapMs();
            System.out.printf("FAILOVER RESULT %s: kill -9 of leader %d, new leader %d elected after %d ms, longest write gap %d ms "
                    + "(zookeeper.session.timeout.ms=%d)%n", KIND.label(), leader, after.leader(), electedMs, gap, DEFAULT_SESSION_TIMEOUT_MS);
            assertEquals(List.of(), clock.failures(), "sends that failed");
            if (KIND == BrokerKind.SAMSA) {
                assertTrue(gap <= SAMSA_MAX_GAP_MS, "write gap " + gap + " ms after kill -9 of the leader; at most " + SAMSA_MAX_GAP_MS);
            }
            cluster.startBroker(leader);
            partition.await("ISR full again", Duration.ofSeconds(120), s -> s.isr().size() == 3);
        }
    }

    @Test
    void b_aLeaderPausedForThreeSecondsKeepsItsLeadership() {
        try (AckClock clock = AckClock.start(cluster.bootstrapServers(), TOPIC)) {
            clock.awaitAcks(100, Duration.ofSeconds(30));
            PartitionState before = partition.state();
            int leader = before.leader();
            OptionalLong session = zk.registrationSession(leader);
            cluster.pause(leader);
            long paused = System.nanoTime();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3)); // the pause itself, not a wait for state
            cluster.resume(leader);
            clock.awaitAcksAfter(paused, 100, Duration.ofSeconds(60));
            PartitionState after = partition.state();
            System.out.printf("FAILOVER RESULT %s: leader %d paused 3 s: leader %d, epoch %d -> %d, longest write gap %d ms%n",
                    KIND.label(), leader, after.leader(), before.leaderEpoch(), after.leaderEpoch(), clock.longestGapMs());
            assertEquals(leader, after.leader(), "a 3 s pause must not move leadership");
            assertEquals(before.leaderEpoch(), after.leaderEpoch(), "no new leader epoch");
            assertEquals(session, zk.registrationSession(leader), "the paused broker keeps its registration");
            assertEquals(List.of(), clock.failures(), "sends that failed");
        }
    }
}
