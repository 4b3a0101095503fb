package io.samsa.systest.faults;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.samsa.systest.faults.VerifiableProducerRun.Ack;
import io.samsa.systest.harness.BrokerKind;
import io.samsa.systest.harness.ProcessCluster;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.List;
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
}
