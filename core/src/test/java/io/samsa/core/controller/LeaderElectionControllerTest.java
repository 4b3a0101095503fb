package io.samsa.core.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.testkit.Wait;
import io.samsa.zk.PartitionState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Leader elections an operator or the controller's own balance check asks for (ElectLeaders
 * PREFERRED and UNCLEAN, {@code auto.leader.rebalance.enable}), and the topic-level
 * {@code unclean.leader.election.enable}; brokers reduced to {@link RecordingChannel}s, the tests
 * play partition leaders where an ISR must grow.
 */
@Timeout(120)
class LeaderElectionControllerTest {

    private ControllerTestCluster cluster;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new ControllerTestCluster();
    }

    @AfterEach
    void tearDown() throws Exception {
        cluster.close();
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static void barrier(ControllerTestCluster.Broker broker) {
        broker.controller.query(c -> 0).join();
    }

    private void create(String topic, Map<Integer, List<Integer>> assignment, Map<String, String> configs) {
        cluster.topicAdmin.createTopic(topic, assignment, configs, false);
        for (int p : assignment.keySet()) {
            cluster.awaitState(topic, p, s -> s.hasLeader(), "has a leader");
        }
    }

    private Map<TopicPartition, ElectionOutcome> elect(ElectionType type, TopicPartition... partitions) {
        return cluster.controller().controller.electLeaders(Optional.of(Set.of(partitions)), type).join();
    }

    private PartitionState state(TopicPartition tp) {
        return cluster.state(tp.topic(), tp.partition()).orElseThrow();
    }

    /** Plays the partition's leader, which adds a caught-up follower to the ISR. */
    private void leaderProposesIsr(TopicPartition tp, List<Integer> isr) {
        PartitionState s = state(tp);
        long brokerEpoch = cluster.brokers.get(s.leader()).registration.brokerEpoch();
        IsrChangeResult r = cluster.controller().controller
                .alterPartition(s.leader(), brokerEpoch, List.of(new IsrChange(tp, s.leaderEpoch(), isr, s.zkVersion()))).join().get(tp);
        assertEquals(Errors.NONE, r.error());
    }

    @Test
    void preferredElectionMovesLeadershipBackOnceThePreferredReplicaIsInSync() throws Exception {
        cluster.startWithController(3, 1, 2);
        TopicPartition p0 = tp("p", 0);
        TopicPartition p1 = tp("p", 1);
        create("p", Map.of(0, List.of(1, 2, 3), 1, List.of(2, 3, 1)), Map.of());
        cluster.stop(1);
        cluster.awaitState("p", 0, s -> s.leader() == 2 && s.isr().equals(List.of(2, 3)), "is led by broker 2 without broker 1");
        cluster.start(1);
        Wait.until("the controller sees broker 1 again", () -> cluster.controller().controller.query(c -> c.isLive(1)).join());

        Map<TopicPartition, ElectionOutcome> notInSync = elect(ElectionType.PREFERRED, p0);
        assertEquals(Errors.PREFERRED_LEADER_NOT_AVAILABLE, notInSync.get(p0).error(), "broker 1 is alive but not in the ISR");
        assertEquals(2, state(p0).leader(), "nothing changed");

        leaderProposesIsr(p0, List.of(2, 3, 1));
        int epochBefore = state(p0).leaderEpoch();
        TopicPartition unknown = tp("nope", 0);
        Map<TopicPartition, ElectionOutcome> outcomes = elect(ElectionType.PREFERRED, p0, p1, unknown, tp("p", 7));

        assertEquals(new ElectionOutcome(Errors.NONE, null, 1), outcomes.get(p0));
        assertEquals(Errors.ELECTION_NOT_NEEDED, outcomes.get(p1).error(), "broker 2 leads p-1 already");
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, outcomes.get(unknown).error());
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, outcomes.get(tp("p", 7)).error());
        PartitionState after = state(p0);
        assertEquals(1, after.leader());
        assertEquals(List.of(2, 3, 1), after.isr(), "a preferred election keeps the ISR");
        assertEquals(epochBefore + 1, after.leaderEpoch());
        for (int broker = 1; broker <= 3; broker++) {
            assertEquals(1, cluster.controller().channel.last(RecordingChannel.Kind.LEADER_AND_ISR, broker, p0).orElseThrow().leader(),
                    "broker " + broker + " is told");
        }

        Map<TopicPartition, ElectionOutcome> everything = cluster.controller().controller
                .electLeaders(Optional.empty(), ElectionType.PREFERRED).join();
        assertTrue(everything.values().stream().allMatch(o -> o.error() == Errors.ELECTION_NOT_NEEDED), everything::toString);
        assertEquals(Set.of(p0, p1), everything.keySet());
    }

    @Test
    void uncleanElectionGivesALeaderlessPartitionAnyLiveReplica() throws Exception {
        cluster.startWithController(3, 1, 2);
        TopicPartition u0 = tp("u", 0);
        TopicPartition led = tp("u", 1);
        create("u", Map.of(0, List.of(1, 2), 1, List.of(3, 1)), Map.of());
        cluster.stop(2);
        cluster.awaitState("u", 0, s -> s.isr().equals(List.of(1)), "has only broker 1 in sync");
        cluster.stop(1);
        cluster.awaitState("u", 0, s -> !s.hasLeader(), "has no leader");
        cluster.start(2);
        Wait.until("the controller sees broker 2 again", () -> cluster.controller().controller.query(c -> c.isLive(2)).join());
        assertEquals(PartitionState.NO_LEADER, state(u0).leader(), "broker 2 is out of sync: no clean election");

        Map<TopicPartition, ElectionOutcome> preferred = elect(ElectionType.PREFERRED, u0);
        assertEquals(Errors.PREFERRED_LEADER_NOT_AVAILABLE, preferred.get(u0).error(), "broker 1 is down");

        Map<TopicPartition, ElectionOutcome> outcomes = elect(ElectionType.UNCLEAN, u0, led);
        assertEquals(new ElectionOutcome(Errors.NONE, null, 2), outcomes.get(u0));
        assertEquals(Errors.ELECTION_NOT_NEEDED, outcomes.get(led).error(), "broker 3 is alive and leads");
        assertEquals(2, state(u0).leader());
        assertEquals(List.of(2), state(u0).isr());
        assertEquals(1, uncleanElections(), "counted in UncleanLeaderElectionsPerSec");
    }

    private long uncleanElections() {
        return cluster.controller().metrics.registry()
                .meter("kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec").getCount();
    }

    private long leaderElectionEvents() {
        return cluster.controller().metrics.registry()
                .timer("kafka.controller:type=ControllerStats,name=LeaderElectionRateAndTimeMs").getCount();
    }

    @Test
    void uncleanElectionWithNoLiveReplicaFails() throws Exception {
        cluster.startWithController(3, 1, 2);
        TopicPartition g0 = tp("g", 0);
        create("g", Map.of(0, List.of(1, 2)), Map.of());
        cluster.stop(1);
        cluster.stop(2);
        cluster.awaitState("g", 0, s -> !s.hasLeader(), "has no leader");

        assertEquals(Errors.ELIGIBLE_LEADERS_NOT_AVAILABLE, elect(ElectionType.UNCLEAN, g0).get(g0).error());
    }

    @Test
    void aTopicThatAllowsUncleanElectionGetsOneWithoutBeingAsked() throws Exception {
        cluster.startWithController(3, 1, 2);
        create("w", Map.of(0, List.of(1, 2)), Map.of("unclean.leader.election.enable", "true"));
        create("c", Map.of(0, List.of(1, 2)), Map.of());
        cluster.stop(2);
        cluster.awaitState("w", 0, s -> s.isr().equals(List.of(1)), "has only broker 1 in sync");
        cluster.awaitState("c", 0, s -> s.isr().equals(List.of(1)), "has only broker 1 in sync");
        cluster.stop(1);
        cluster.awaitState("c", 0, s -> !s.hasLeader(), "has no leader");
        cluster.start(2);

        cluster.awaitState("w", 0, s -> s.leader() == 2 && s.isr().equals(List.of(2)), "is led by out-of-sync broker 2 (topic override)");
        barrier(cluster.controller());
        assertEquals(PartitionState.NO_LEADER, state(tp("c", 0)).leader(), "the broker default (false) holds for other topics");
        assertEquals(1, uncleanElections(), "one unclean election, counted");
        assertTrue(leaderElectionEvents() >= 3, "each broker change is timed in LeaderElectionRateAndTimeMs: " + leaderElectionEvents());
    }

    @Test
    void balanceCheckMovesLeadershipBackOnlyAboveTheImbalanceShare() throws Exception {
        cluster.startWithController(3, 1, 2);
        Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
        for (int p = 0; p < 11; p++) {
            assignment.put(p, List.of(1, 2));
        }
        create("b", assignment, Map.of());
        create("other", Map.of(0, List.of(2, 1)), Map.of());
        leadersMoveToBroker2AndBroker1ComesBack(11);
        for (int p = 0; p < 11; p++) {
            leaderProposesIsr(tp("b", p), List.of(2, 1));
        }
        for (int p = 1; p < 11; p++) {
            assertEquals(Errors.NONE, elect(ElectionType.PREFERRED, tp("b", p)).get(tp("b", p)).error());
        }

        // Broker 1 is preferred for eleven partitions and one is led elsewhere: 9%, within Kafka's 10%.
        cluster.controller().controller.checkLeaderBalance();
        barrier(cluster.controller());
        assertEquals(2, state(tp("b", 0)).leader(), "1 of 11 led elsewhere is not above 10%");

        // All eleven led elsewhere, ten of them with broker 1 back in sync.
        leadersMoveToBroker2AndBroker1ComesBack(11);
        for (int p = 0; p < 10; p++) {
            leaderProposesIsr(tp("b", p), List.of(2, 1));
        }
        cluster.controller().controller.checkLeaderBalance();
        barrier(cluster.controller());
        for (int p = 0; p < 10; p++) {
            assertEquals(1, state(tp("b", p)).leader(), "b-" + p + " is back on its preferred replica");
        }
        assertEquals(2, state(tp("b", 10)).leader(), "broker 1 is not in b-10's ISR");
        assertEquals(2, state(tp("other", 0)).leader(), "broker 2 is other-0's preferred replica");
    }

    private void leadersMoveToBroker2AndBroker1ComesBack(int partitions) throws InterruptedException {
        cluster.stop(1);
        for (int p = 0; p < partitions; p++) {
            cluster.awaitState("b", p, s -> s.leader() == 2 && !s.isr().contains(1), "is led by broker 2 without broker 1");
        }
        cluster.start(1);
        Wait.until("the controller sees broker 1 again", () -> cluster.controller().controller.query(c -> c.isLive(1)).join());
    }

    @Test
    void aBrokerThatIsNotControllerAnswersNotControllerForEachPartition() throws Exception {
        cluster.startWithController(3, 1);
        TopicPartition x = tp("x", 0);
        Map<TopicPartition, ElectionOutcome> outcomes = cluster.brokers.get(1).controller
                .electLeaders(Optional.of(Set.of(x)), ElectionType.PREFERRED).join();
        assertEquals(Map.of(x, new ElectionOutcome(Errors.NOT_CONTROLLER, null, -1)), outcomes);
    }
}
