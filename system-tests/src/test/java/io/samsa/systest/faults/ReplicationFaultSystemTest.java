package io.samsa.systest.faults;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.samsa.systest.cluster.SegmentTail;
import io.samsa.systest.faults.FaultCluster.Layout;
import io.samsa.systest.faults.VerifiableProducerRun.Ack;
import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.NetworkNamespaces;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.systest.harness.SmallFilesystem;
import io.samsa.testkit.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Replication under faults, judged by independent tools: Apache Kafka's VerifiableProducer
 * (idempotent, acks=all, unlimited retries, bounded rate and count) and VerifiableConsumer run as
 * their own JVMs against a fresh three-broker cluster per scenario, with a topic of replication
 * factor 3 and min.insync.replicas=2 (see {@link FaultCluster#DESCRIPTION}). Whatever the fault,
 * every record must be acknowledged exactly once, consumed, found by a final audit read at the
 * offset its acknowledgement named, and stored once. Each scenario prints one summary line; the
 * table of all of them goes to {@code target/replication-faults-<broker>.txt}.
 *
 * <p>Beyond broker processes dying, freezing and restarting (a-f): ZooKeeper itself down (g), a
 * torn segment tail on a follower that must then lead (h), the network cut in two ways inside
 * network namespaces (i, j), and a full log dir (k). The last three need root: they create network
 * namespaces, iptables rules and a tmpfs mount, and remove them however the scenario ends.
 *
 * <p>Runs against Samsa; {@code -Dsystest.broker=kafka} runs the same scenarios against Apache Kafka
 * 3.9.1 for comparison.
 */
@Tag("system")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.MethodName.class)
class ReplicationFaultSystemTest {

    private static final BrokerKind KIND = BrokerKind.fromSystemProperty();
    private static final int RATE = 200;
    private static final ResultTable TABLE = new ResultTable(
            ProcessCluster.HOME.resolve("system-tests/target/replication-faults-" + KIND.label() + ".txt"),
            "Replication faults on " + KIND.label() + ": " + FaultCluster.DESCRIPTION + "; " + RATE + " records/s");
    /** Acknowledgements this soon after the followers died may be for records they had already fetched. */
    private static final long IN_FLIGHT_GRACE_MS = 2_000;
    /** Scenario g's fault: far past the brokers' 6 s sessions. */
    private static final Duration ZOOKEEPER_OUTAGE = Duration.ofSeconds(25);
    /** Random bytes after the cut batch in scenario h. */
    private static final int TORN_TAIL_GARBAGE = 200;
    /** How long scenario i keeps the leader isolated: past its session, so another leads meanwhile. */
    private static final Duration ISOLATION = Duration.ofSeconds(15);
    /** How long scenario j keeps the leader cut off: past its session and past replica.lag.time.max.ms. */
    private static final Duration PARTITION = Duration.ofSeconds(20);

    @AfterAll
    static void printTable() {
        System.out.println();
        System.out.print(TABLE.render());
        System.out.println("(written to " + TABLE.file() + ")");
    }

    @Test
    void a_leaderKilledTwice() {
        FaultScenario.run(KIND, "a-leader-kill9-twice", 10_000, RATE, TABLE, s -> {
            s.awaitAcked(0.1);
            int first = s.partition().leader();
            long killed = System.nanoTime();
            s.kill9(List.of(first));
            s.awaitNewLeader(first, killed);
            s.recover(List.of(first), false);

            s.awaitAcked(0.5);
            int second = s.partition().leader();
            killed = System.nanoTime();
            s.kill9(List.of(second));
            s.awaitNewLeader(second, killed);
            s.recover(List.of(second), false);
            s.note("leaders killed: " + first + ", then " + second);
        });
    }

    @Test
    void b_controllerKilled() {
        FaultScenario.run(KIND, "b-controller-kill9", 6_000, RATE, TABLE, s -> {
            int leader = s.partition().leader();
            int controller = s.cluster().controller();
            assertNotEquals(leader, controller, "the topic's first leader is chosen not to be the controller");
            s.awaitAcked(0.2);
            s.kill9(List.of(controller));
            Wait.until("a controller other than " + controller, FaultScenario.FAILOVER,
                    () -> s.cluster().zk().controller().isPresent() && s.cluster().zk().controller().getAsInt() != controller);
            s.log("new controller " + s.cluster().controller());
            s.recover(List.of(controller), false);
            int after = s.partition().leader();
            s.check(after == leader, "losing the controller (a follower of the topic) must not move the topic's leadership (was "
                    + leader + ", now " + after + ")");
            s.note("controller " + controller + " -> " + s.cluster().controller() + ", leader stayed " + leader);
        });
    }

    @Test
    void c_cleanRollingRestart() {
        FaultScenario.run(KIND, "c-rolling-restart-sigterm", 8_000, RATE, TABLE, s -> {
            s.awaitAcked(0.1);
            for (int id : s.processes().brokerIds()) {
                s.stop(id);
                s.recover(List.of(id), false);
                s.awaitOffsetsTopicInSync();
            }
        });
    }

    @Test
    void d_leaderFrozenPastItsSession() {
        FaultScenario.run(KIND, "d-leader-sigstop-past-session", 7_000, RATE, TABLE, s -> {
            s.awaitAcked(0.1);
            int old = s.partition().leader();
            long paused = System.nanoTime();
            s.pause(old);
            int successor = s.awaitNewLeader(old, paused);
            Wait.until("the frozen broker's ZooKeeper session expired", FaultScenario.FAILOVER,
                    () -> !s.cluster().zk().isRegistered(old));
            // Woken at once, with the producer's requests still waiting on its sockets (their timeout
            // is 30 s): it must answer none of them with an acknowledgement it cannot back.
            s.recover(List.of(old), true);
            s.check(s.processes().isRunning(old), "the resumed broker " + old + " must keep running");
            s.check(s.partition().leader() != old, "the resumed broker " + old + " must not take its leadership back");
            s.note("frozen leader " + old + " rejoined as follower of " + successor + ", "
                    + (System.nanoTime() - paused) / 1_000_000 + " ms after SIGSTOP");
        });
    }

    @Test
    void e_allBrokersKilledAtOnce() {
        FaultScenario.run(KIND, "e-kill9-all-restart-all", 6_000, RATE, TABLE, s -> {
            s.awaitAcked(0.2);
            s.kill9(s.processes().brokerIds());
            s.recover(s.processes().brokerIds(), false);
        });
    }

    @Test
    void f_twoOfThreeDown() {
        FaultScenario.run(KIND, "f-two-of-three-down", 6_000, RATE, TABLE, s -> {
            s.awaitAcked(0.2);
            int leader = s.partition().leader();
            List<Integer> followers = s.processes().brokerIds().stream().filter(id -> id != leader).toList();
            s.kill9(followers);
            long killedAtMs = System.currentTimeMillis();
            s.partition().await("ISR shrunk to the leader " + leader + " alone",
                    FaultScenario.FAILOVER.plusMillis(FaultCluster.REPLICA_LAG_TIME_MAX_MS), st -> st.isr().equals(List.of(leader)));
            s.log("ISR is the leader alone, below min.insync.replicas=2: " + s.partition().state());
            // The producer keeps sending and retrying against a leader that must refuse it.
            s.observe(Duration.ofSeconds(5));
            long restartAtMs = System.currentTimeMillis();
            List<Ack> duringOutage = s.producer().acks().stream()
                    .filter(a -> a.timestampMs() > killedAtMs + IN_FLIGHT_GRACE_MS && a.timestampMs() < restartAtMs).toList();
            s.note(duringOutage.size() + " acknowledged while two were down for " + (restartAtMs - killedAtMs) + " ms");
            s.check(duringOutage.isEmpty(), "nothing may be acknowledged with two of three brokers down (min.insync.replicas=2); "
                    + "acknowledged: " + duringOutage.stream().limit(10).toList());
            s.recover(followers, false);
        });
    }

    @Test
    void g_zooKeeperDown() {
        FaultScenario.run(KIND, "g-zookeeper-down-25s", 9_000, RATE, TABLE, s -> {
            s.awaitAcked(0.1);
            int leader = s.partition().leader();
            Map<Integer, OptionalLong> sessions = s.killZooKeeper();
            long downAtMs = System.currentTimeMillis();
            s.observe(ZOOKEEPER_OUTAGE);
            long upAtMs = System.currentTimeMillis();
            s.restartZooKeeper(sessions);
            // Writes go on once ZooKeeper is back, whatever the brokers did while it was away.
            s.awaitMoreAcked(RATE);
            long duringOutage = s.producer().acks().stream().filter(a -> a.timestampMs() > downAtMs && a.timestampMs() < upAtMs).count();
            s.note(duringOutage + " acknowledged during the " + (upAtMs - downAtMs) / 1000 + " s outage; leader " + leader + " -> "
                    + s.partition().leader());
        });
    }

    @Test
    void h_tornFollowerTailThenLeaderKilled() {
        FaultScenario.run(KIND, "h-torn-follower-tail-leader-kill9", 4_000, RATE, TABLE, s -> {
            s.awaitAcked(0.15);
            int leader = s.partition().leader();
            int controller = s.cluster().controller();
            // Neither leader nor controller: next in the replica list, so the first choice to lead once the leader is gone.
            int follower = s.processes().brokerIds().stream().filter(id -> id != leader && id != controller).findFirst().orElseThrow();
            long followerKilled = System.nanoTime();
            s.kill9(List.of(follower));
            Path segment = SegmentTail.activeSegment(s.cluster().partitionDir(follower));
            int cut = SegmentTail.cutLastBatch(segment);
            SegmentTail.appendRandomBytes(segment, TORN_TAIL_GARBAGE, follower);
            s.log("follower " + follower + "'s " + segment.getFileName() + ": last batch cut by " + cut + " bytes, then "
                    + TORN_TAIL_GARBAGE + " random bytes appended");
            // Restarted once out of the ISR, so that it has to earn its way back in with the log it repaired.
            s.awaitGone(follower, followerKilled);
            s.recover(List.of(follower), false);
            s.awaitMoreAcked(RATE / 2);
            long killed = System.nanoTime();
            s.kill9(List.of(leader));
            int successor = s.awaitNewLeader(leader, killed);
            s.recover(List.of(leader), false);
            s.awaitProducerFinished();
            s.awaitIdenticalReplicaLogs();
            s.note("follower " + follower + " torn and back in the ISR, then leader " + leader + " killed; " + successor + " led");
        });
    }

    @Test
    void i_leaderIsolatedPastItsSession() {
        FaultScenario.run(KIND, "i-leader-isolated-netns", Layout.NETWORK_NAMESPACES, 5_500, RATE, TABLE, s -> {
            s.awaitAcked(0.15);
            int old = s.partition().leader();
            NetworkNamespaces network = s.cluster().namespaces();
            long cut = System.nanoTime();
            network.unplug(old);
            s.log("broker " + old + "'s link down: it reaches neither ZooKeeper, nor its peers, nor the clients");
            int successor = s.awaitNewLeader(old, cut);
            observeRestOf(s, ISOLATION, cut);
            s.recover(List.of(old), "link up for", network::plugIn);
            s.check(s.processes().isRunning(old), "the isolated broker " + old + " must keep running");
            s.awaitProducerFinished();
            s.awaitIdenticalReplicaLogs();
            s.note("leader " + old + " isolated " + ISOLATION.toSeconds() + " s, " + successor + " led meanwhile");
        });
    }

    @Test
    void j_leaderCutOffFromClusterButNotClients() {
        FaultScenario.run(KIND, "j-leader-cut-from-zk-peers-netns", Layout.NETWORK_NAMESPACES, 6_500, RATE, TABLE, s -> {
            s.awaitAcked(0.15);
            int old = s.partition().leader();
            NetworkNamespaces network = s.cluster().namespaces();
            long cut = System.nanoTime();
            network.partitionFromCluster(old);
            s.log("broker " + old + " cut off from ZooKeeper and its peers (packets dropped); the clients still reach it");
            int successor = s.awaitNewLeader(old, cut);
            // The producer still reaches the deposed leader, which can replicate nothing: it must acknowledge nothing
            // it wrote meanwhile (the verdict finds any such record lost, or displaced at its offset).
            observeRestOf(s, PARTITION, cut);
            s.recover(List.of(old), "iptables rules removed for", network::heal);
            s.check(s.processes().isRunning(old), "the cut-off broker " + old + " must keep running");
            s.awaitProducerFinished();
            // The old leader's own appends are gone: its log is the new leader's again.
            s.awaitIdenticalReplicaLogs();
            s.note("leader " + old + " cut from ZooKeeper and peers " + PARTITION.toSeconds() + " s, " + successor + " led meanwhile");
        });
    }

    @Test
    void k_leaderLogDirFull() {
        FaultScenario.run(KIND, "k-leader-log-dir-full", Layout.SMALL_FIRST_LOG_DIR, 3_500, RATE, TABLE, s -> {
            s.awaitAcked(0.15);
            int old = s.partition().leader();
            SmallFilesystem disk = s.cluster().smallLogDir(old);
            if (!Files.isDirectory(s.cluster().partitionDir(old))) {
                throw new AssertionError("the partition is not in broker " + old + "'s first log dir " + disk.dir());
            }
            long filled = System.nanoTime();
            long bytes = disk.fill();
            s.log("broker " + old + "'s first log dir filled with " + bytes / 1024 + " KiB; " + disk.freeBytes() + " bytes free");
            int successor = s.awaitNewLeader(old, filled);
            s.partition().await("broker " + old + " out of the ISR", FaultScenario.FAILOVER, st -> !st.isr().contains(old));
            s.log("ISR without the full broker: " + s.partition().state());
            s.awaitMoreAcked(RATE / 2);
            disk.free();
            s.log("filler deleted: " + disk.freeBytes() / 1024 + " KiB free");
            if (s.processes().isRunning(old)) {
                s.stop(old);
            } else {
                s.note("broker " + old + " had exited by itself with " + s.processes().broker(old).exitValue());
            }
            s.recover(List.of(old), false);
            s.note("leader " + old + "'s log dir full: " + successor + " took over");
        });
    }

    /** Lets the rest of {@code fault} pass, counted from {@code sinceNanos}: the fault's fixed length. */
    private static void observeRestOf(FaultScenario s, Duration fault, long sinceNanos) {
        long rest = fault.toNanos() - (System.nanoTime() - sinceNanos);
        if (rest > 0) {
            s.observe(Duration.ofNanos(rest));
        }
    }
}
