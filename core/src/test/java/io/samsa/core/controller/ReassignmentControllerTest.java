package io.samsa.core.controller;

import static io.samsa.core.controller.RecordingChannel.Kind.LEADER_AND_ISR;
import static io.samsa.core.controller.RecordingChannel.Kind.UPDATE_METADATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.admin.AdminException;
import io.samsa.testkit.Wait;
import io.samsa.zk.PartitionState;
import io.samsa.zk.TopicAssignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Partition reassignment on the controller (KIP-455, Kafka 3.9's ZooKeeper mode), with the brokers
 * reduced to {@link RecordingChannel}s: the tests play the partition leader, whose AlterPartition
 * adds the new replicas to the ISR.
 */
@Timeout(120)
class ReassignmentControllerTest {

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

    private static Map<TopicPartition, ReassignmentResult> reassign(ControllerTestCluster.Broker controller, TopicPartition tp,
                                                                    List<Integer> target) {
        return controller.controller.alterPartitionReassignments(Map.of(tp, Optional.ofNullable(target))).join();
    }

    private static Errors reassignError(ControllerTestCluster.Broker controller, TopicPartition tp, List<Integer> target) {
        return reassign(controller, tp, target).get(tp).error();
    }

    private TopicAssignment topicZnode(String topic) {
        return cluster.admin.topics().get(topic, null).orElseThrow().value();
    }

    /** Plays the partition's leader: proposes {@code isr} as the controller's AlterPartition expects it. */
    private IsrChangeResult leaderProposesIsr(ControllerTestCluster.Broker controller, TopicPartition tp, List<Integer> isr) {
        PartitionState s = cluster.state(tp.topic(), tp.partition()).orElseThrow();
        long brokerEpoch = cluster.brokers.get(s.leader()).registration.brokerEpoch();
        return controller.controller.alterPartition(s.leader(), brokerEpoch, List.of(new IsrChange(tp, s.leaderEpoch(), isr, s.zkVersion())))
                .join().get(tp);
    }

    private static SortedMap<TopicPartition, ReplicaAssignment> listed(ControllerTestCluster.Broker controller) {
        return controller.controller.listPartitionReassignments(Optional.empty()).join();
    }

    private void createAndAwait(ControllerTestCluster.Broker controller, String topic, Map<Integer, List<Integer>> assignment) {
        cluster.topicAdmin.createTopic(topic, assignment, Map.of(), false);
        for (int p : assignment.keySet()) {
            cluster.awaitState(topic, p, s -> true, "has a state");
        }
        barrier(controller);
        controller.channel.clear();
    }

    @Test
    void newReplicasStartAsFollowersThenTakeOverOnceInSyncAndTheLeavingOnesAreDeleted() throws Exception {
        cluster.startWithController(1, 2, 3, 4);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition m0 = tp("m", 0);
        createAndAwait(controller, "m", Map.of(0, List.of(2, 3, 1)));

        assertEquals(Map.of(m0, ReassignmentResult.ACCEPTED), reassign(controller, m0, List.of(3, 4, 1)));

        // Phase 1: every replica involved, the target ones first, is recorded and told.
        TopicAssignment moving = topicZnode("m");
        assertEquals(Map.of(0, List.of(3, 4, 1, 2)), moving.partitions());
        assertEquals(Map.of(0, List.of(4)), moving.addingReplicas());
        assertEquals(Map.of(0, List.of(2)), moving.removingReplicas());
        assertEquals(new PartitionState(2, 1, List.of(2, 3, 1), 1, 0, 1), cluster.state("m", 0).orElseThrow(),
                "same leader and ISR in a new leader epoch");
        for (int broker = 1; broker <= 4; broker++) {
            PartitionLeaderState told = controller.channel.last(LEADER_AND_ISR, broker, m0).orElseThrow();
            assertEquals(List.of(3, 4, 1, 2), told.replicas());
            assertEquals(List.of(4), told.addingReplicas());
            assertEquals(List.of(2), told.removingReplicas());
            assertEquals(1, told.leaderEpoch());
            assertEquals(2, told.leader());
            assertEquals(broker == 4, told.isNew(), "only the added replica creates its log: broker " + broker);
        }
        assertEquals(new ReplicaAssignment(List.of(3, 4, 1, 2), List.of(4), List.of(2)), listed(controller).get(m0));
        assertTrue(controller.channel.stopped(2, true).isEmpty());

        // The ISR grows without the new replica: nothing completes.
        controller.channel.clear();
        assertEquals(Errors.NONE, leaderProposesIsr(controller, m0, List.of(2, 3)).error());
        barrier(controller);
        assertTrue(controller.controller.query(c -> c.isBeingReassigned(m0)).join());
        assertTrue(controller.channel.of(LEADER_AND_ISR, 3).isEmpty());

        // Phase 2: broker 4 joins the ISR; the leader (2) is leaving, so 3, the first target replica in sync, leads.
        assertEquals(Errors.NONE, leaderProposesIsr(controller, m0, List.of(2, 3, 4, 1)).error());
        barrier(controller);
        TopicAssignment done = topicZnode("m");
        assertEquals(Map.of(0, List.of(3, 4, 1)), done.partitions());
        assertFalse(done.isBeingReassigned());
        PartitionState finalState = cluster.state("m", 0).orElseThrow();
        assertEquals(3, finalState.leader());
        assertEquals(List.of(3, 4, 1), finalState.isr());
        assertEquals(3, finalState.leaderEpoch(), "one epoch for the election, one for the ISR without broker 2");
        for (int broker : List.of(3, 4, 1)) {
            PartitionLeaderState told = controller.channel.last(LEADER_AND_ISR, broker, m0).orElseThrow();
            assertEquals(new PartitionLeaderState("m", told.topicId(), 0, 1, 3, 3, List.of(3, 4, 1), finalState.zkVersion(),
                    List.of(3, 4, 1), List.of(), List.of(), List.of(), false), told);
        }
        assertTrue(controller.channel.of(LEADER_AND_ISR, 2).isEmpty(), "the leaving replica is stopped, not told to follow");
        assertEquals(List.of(m0), controller.channel.stopped(2, true));
        for (int broker = 1; broker <= 4; broker++) {
            assertEquals(List.of(3, 4, 1), controller.channel.last(UPDATE_METADATA, broker, m0).orElseThrow().replicas());
        }
        assertEquals(Map.of(), listed(controller));
        assertEquals(List.of(3, 4, 1), controller.controller.query(c -> List.copyOf(c.replicas(m0))).join());
    }

    @Test
    void aLeaderThatStaysKeepsLeadingInANewEpochAndOnlyTheLeavingReplicaIsRemoved() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition k0 = tp("k", 0);
        createAndAwait(controller, "k", Map.of(0, List.of(1, 2)));

        assertEquals(Errors.NONE, reassignError(controller, k0, List.of(1, 3)));
        assertEquals(Errors.NONE, leaderProposesIsr(controller, k0, List.of(1, 2, 3)).error());
        barrier(controller);

        PartitionState state = cluster.state("k", 0).orElseThrow();
        assertEquals(1, state.leader());
        assertEquals(List.of(1, 3), state.isr());
        assertEquals(3, state.leaderEpoch(), "phase 1, the epoch bump of phase 2, and the ISR without broker 2");
        assertEquals(Map.of(0, List.of(1, 3)), topicZnode("k").partitions());
        assertEquals(List.of(k0), controller.channel.stopped(2, true));
        assertTrue(controller.channel.stopped(3, true).isEmpty());
    }

    @Test
    void cancellationRevertsToTheOriginalReplicasAndDeletesTheAddedOnes() throws Exception {
        cluster.startWithController(1, 2, 3, 4);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition c0 = tp("c", 0);
        createAndAwait(controller, "c", Map.of(0, List.of(1, 2)));
        assertEquals(Errors.NONE, reassignError(controller, c0, List.of(3, 4)));
        assertEquals(Errors.NONE, leaderProposesIsr(controller, c0, List.of(1, 2, 3)).error());
        controller.channel.clear();

        assertEquals(Errors.NONE, reassignError(controller, c0, null));

        TopicAssignment reverted = topicZnode("c");
        assertEquals(Map.of(0, List.of(1, 2)), reverted.partitions());
        assertFalse(reverted.isBeingReassigned());
        PartitionState state = cluster.state("c", 0).orElseThrow();
        assertEquals(1, state.leader());
        assertEquals(List.of(1, 2), state.isr(), "broker 3 left the ISR it had joined");
        assertEquals(List.of(c0), controller.channel.stopped(3, true));
        assertEquals(List.of(c0), controller.channel.stopped(4, true));
        assertEquals(List.of(1, 2), controller.channel.last(LEADER_AND_ISR, 2, c0).orElseThrow().replicas());
        assertEquals(Map.of(), listed(controller));

        assertEquals(new ReassignmentResult(Errors.NO_REASSIGNMENT_IN_PROGRESS, "No partition reassignment is in progress."),
                reassign(controller, c0, null).get(c0), "nothing left to cancel");
    }

    @Test
    void aNewTargetReplacesTheOneInProgressAndStopsTheReplicasNoLongerWanted() throws Exception {
        cluster.startWithController(1, 2, 3, 4);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition r0 = tp("r", 0);
        createAndAwait(controller, "r", Map.of(0, List.of(1, 2)));
        assertEquals(Errors.NONE, reassignError(controller, r0, List.of(1, 3)));
        controller.channel.clear();

        assertEquals(Errors.NONE, reassignError(controller, r0, List.of(4, 1)));

        TopicAssignment moving = topicZnode("r");
        assertEquals(Map.of(0, List.of(4, 1, 2)), moving.partitions(), "computed from the original replicas, not from the first target");
        assertEquals(Map.of(0, List.of(4)), moving.addingReplicas());
        assertEquals(Map.of(0, List.of(2)), moving.removingReplicas());
        assertEquals(List.of(r0), controller.channel.stopped(3, true));
        assertTrue(controller.channel.last(LEADER_AND_ISR, 4, r0).orElseThrow().isNew());

        assertEquals(Errors.NONE, leaderProposesIsr(controller, r0, List.of(1, 2, 4)).error());
        barrier(controller);
        assertEquals(Map.of(0, List.of(4, 1)), topicZnode("r").partitions());
        assertEquals(1, cluster.state("r", 0).orElseThrow().leader(), "the leader stays: it is a target replica");
    }

    @Test
    void aNewTargetWithoutTheLeaderElectsAnotherInSyncReplicaAtOnce() throws Exception {
        cluster.startWithController(1, 2, 3, 4);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition e0 = tp("e", 0);
        createAndAwait(controller, "e", Map.of(0, List.of(2, 3)));
        assertEquals(Errors.NONE, reassignError(controller, e0, List.of(4, 1)));
        assertEquals(Errors.NONE, leaderProposesIsr(controller, e0, List.of(2, 3, 4)).error());

        // The leader fails: the first live in-sync replica of [4, 1, 2, 3] is 4, one being added.
        cluster.stop(2);
        cluster.awaitState("e", 0, s -> s.leader() == 4, "is led by broker 4");
        barrier(controller);
        controller.channel.clear();

        assertEquals(Errors.NONE, reassignError(controller, e0, List.of(3, 1)));

        PartitionState state = cluster.state("e", 0).orElseThrow();
        assertEquals(3, state.leader(), "broker 4 is no longer wanted; 3 is in sync");
        assertEquals(List.of(3), state.isr());
        assertEquals(List.of(e0), controller.channel.stopped(4, true));
        assertEquals(new ReplicaAssignment(List.of(3, 1, 2), List.of(1), List.of(2)), listed(controller).get(e0));
        assertEquals(3, controller.channel.last(LEADER_AND_ISR, 1, e0).orElseThrow().leader());
    }

    @Test
    void badRequestsAnswerKafkasErrorsAndChangeNothing() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition b0 = tp("b", 0);
        createAndAwait(controller, "b", Map.of(0, List.of(1, 2)));

        Map<TopicPartition, Optional<List<Integer>>> request = new LinkedHashMap<>();
        request.put(tp("nope", 0), Optional.of(List.of(1, 2)));
        request.put(tp("b", 7), Optional.of(List.of(1, 2)));
        request.put(b0, Optional.of(List.of(2, 2)));
        Map<TopicPartition, ReassignmentResult> answered = controller.controller.alterPartitionReassignments(request).join();
        assertEquals(List.copyOf(request.keySet()), List.copyOf(answered.keySet()), "answers keep the request's order");
        assertEquals(new ReassignmentResult(Errors.UNKNOWN_TOPIC_OR_PARTITION, "The partition does not exist."), answered.get(tp("nope", 0)));
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, answered.get(tp("b", 7)).error());
        assertEquals(Errors.INVALID_REPLICA_ASSIGNMENT, answered.get(b0).error());
        assertTrue(answered.get(b0).message().startsWith("Duplicate replica ids"), answered.get(b0).message());

        assertEquals(Errors.INVALID_REPLICA_ASSIGNMENT, reassignError(controller, b0, List.of()));
        assertEquals(Errors.INVALID_REPLICA_ASSIGNMENT, reassignError(controller, b0, List.of(1, -1)));
        ReassignmentResult dead = reassign(controller, b0, List.of(1, 9)).get(b0);
        assertEquals(Errors.INVALID_REPLICA_ASSIGNMENT, dead.error());
        assertEquals("Replica assignment has brokers that are not alive. Replica list: [9], live broker list: [1, 2, 3]", dead.message());
        // Kafka checks liveness before existence: an unknown partition with a dead target broker is an invalid assignment.
        assertEquals(Errors.INVALID_REPLICA_ASSIGNMENT, reassignError(controller, tp("nope", 0), List.of(9)));
        assertEquals(Errors.NO_REASSIGNMENT_IN_PROGRESS, reassignError(controller, b0, null));
        assertEquals(Errors.NO_REASSIGNMENT_IN_PROGRESS, reassignError(controller, tp("nope", 0), null));

        barrier(controller);
        assertEquals(Map.of(0, List.of(1, 2)), topicZnode("b").partitions());
        assertFalse(topicZnode("b").isBeingReassigned());
        assertEquals(0, cluster.state("b", 0).orElseThrow().leaderEpoch());
        assertTrue(controller.channel.requests.isEmpty(), "no broker was told anything: " + controller.channel.requests);
        assertEquals(Map.of(), listed(controller));

        CompletionException notController = assertThrows(CompletionException.class, () -> cluster.brokers.get(2).controller
                .alterPartitionReassignments(Map.of(b0, Optional.of(List.of(2, 3)))).join());
        assertEquals(Errors.NOT_CONTROLLER, assertInstanceOf(ControllerException.class, notController.getCause()).error());
        CompletionException listNotController = assertThrows(CompletionException.class, () -> cluster.brokers.get(2).controller
                .listPartitionReassignments(Optional.empty()).join());
        assertEquals(Errors.NOT_CONTROLLER, assertInstanceOf(ControllerException.class, listNotController.getCause()).error());
    }

    @Test
    void listingNamedPartitionsShowsOnlyThoseBeingReassigned() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        createAndAwait(controller, "l", Map.of(0, List.of(1, 2), 1, List.of(2, 1)));
        assertEquals(Errors.NONE, reassignError(controller, tp("l", 1), List.of(3, 1)));

        SortedMap<TopicPartition, ReplicaAssignment> named = controller.controller.listPartitionReassignments(
                Optional.of(Set.of(tp("l", 0), tp("l", 1), tp("missing", 0)))).join();
        assertEquals(Map.of(tp("l", 1), new ReplicaAssignment(List.of(3, 1, 2), List.of(3), List.of(2))), named);
        assertEquals(named, listed(controller));
    }

    @Test
    void addingPartitionsToATopicBeingReassignedIsRefused() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        createAndAwait(controller, "g", Map.of(0, List.of(1, 2)));
        assertEquals(Errors.NONE, reassignError(controller, tp("g", 0), List.of(3)));

        AdminException refused = assertThrows(AdminException.class, () -> cluster.topicAdmin.createPartitions("g", 2, null, false));
        assertEquals(Errors.REASSIGNMENT_IN_PROGRESS, refused.error());
        assertEquals(1, topicZnode("g").partitionCount());
    }

    @Test
    void aNewControllerResumesTheReassignmentRecordedInTheTopicZnode() throws Exception {
        cluster.startWithController(1, 2, 3, 4);
        ControllerTestCluster.Broker first = cluster.controller();
        TopicPartition f0 = tp("f", 0);
        createAndAwait(first, "f", Map.of(0, List.of(2, 3)));
        assertEquals(Errors.NONE, reassignError(first, f0, List.of(2, 4)));

        cluster.stop(1);
        Wait.until("a new controller", () -> cluster.brokers.values().stream().anyMatch(b -> b.controller.isActive()));
        ControllerTestCluster.Broker next = cluster.controller();
        Wait.until("the new controller told broker 4 to start its replica",
                () -> next.channel.last(LEADER_AND_ISR, 4, f0).map(s -> s.isNew() && s.addingReplicas().equals(List.of(4))).orElse(false));
        assertEquals(new ReplicaAssignment(List.of(2, 4, 3), List.of(4), List.of(3)), listed(next).get(f0));
        assertEquals(2, cluster.state("f", 0).orElseThrow().leaderEpoch(), "resumed in a new leader epoch");

        assertEquals(Errors.NONE, leaderProposesIsr(next, f0, List.of(2, 3, 4)).error());
        barrier(next);
        assertEquals(Map.of(0, List.of(2, 4)), topicZnode("f").partitions());
        assertEquals(List.of(2, 4), cluster.state("f", 0).orElseThrow().isr());
        assertEquals(List.of(f0), next.channel.stopped(3, true));
    }

    @Test
    void aTargetBrokerThatComesBackIsToldToStartItsReplicaAgain() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition w0 = tp("w", 0);
        createAndAwait(controller, "w", Map.of(0, List.of(1, 2)));
        assertEquals(Errors.NONE, reassignError(controller, w0, List.of(1, 3)));
        int epochBefore = cluster.state("w", 0).orElseThrow().leaderEpoch();

        cluster.stop(3);
        Wait.until("the controller sees broker 3 leave", () -> !controller.controller.query(c -> c.isLive(3)).join());
        controller.channel.clear();
        cluster.start(3);
        Wait.until("broker 3 is told its replica again", () -> controller.channel.last(LEADER_AND_ISR, 3, w0)
                .map(s -> s.isNew() && s.leaderEpoch() > epochBefore).orElse(false));
        assertTrue(controller.controller.query(c -> c.isBeingReassigned(w0)).join());
    }

    @Test
    void theLegacyZnodeRequestIsCarriedOutAndShrinksUntilItIsDeleted() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition z0 = tp("z", 0);
        TopicPartition z1 = tp("z", 1);
        createAndAwait(controller, "z", Map.of(0, List.of(1, 2), 1, List.of(2, 1)));

        Map<TopicPartition, List<Integer>> request = new LinkedHashMap<>();
        request.put(z0, List.of(1, 3));
        request.put(z1, List.of(2, 3));
        request.put(tp("ghost", 0), List.of(1));
        assertTrue(cluster.admin.reassignments().create(request));

        Wait.until("the unknown partition is dropped from the request", () -> cluster.admin.reassignments().get(null)
                .map(r -> r.keySet().equals(Set.of(z0, z1))).orElse(false));
        Wait.until("both partitions are being reassigned", () -> listed(controller).keySet().equals(Set.of(z0, z1)));

        assertEquals(Errors.NONE, leaderProposesIsr(controller, z0, List.of(1, 2, 3)).error());
        barrier(controller);
        assertEquals(Map.of(z1, List.of(2, 3)), cluster.admin.reassignments().get(null).orElseThrow());
        assertEquals(List.of(1, 3), topicZnode("z").partitions().get(0));

        // The API takes over a partition of the legacy request: the latest request wins.
        assertEquals(Errors.NONE, reassignError(controller, z1, List.of(3, 2)));
        assertEquals(Optional.empty(), cluster.admin.reassignments().get(null), "emptied, so deleted");
        assertEquals(Errors.NONE, leaderProposesIsr(controller, z1, List.of(2, 1, 3)).error());
        barrier(controller);
        assertEquals(List.of(3, 2), topicZnode("z").partitions().get(1));
        assertEquals(Map.of(), listed(controller));

        // A later request through the znode is seen again.
        assertTrue(cluster.admin.reassignments().create(Map.of(z0, List.of(3, 1))));
        Wait.until("the new request is carried out", () -> listed(controller).containsKey(z0)
                || topicZnode("z").partitions().get(0).equals(List.of(3, 1)));
    }

    @Test
    void aTopicBeingReassignedIsDeletedOnlyOnceItsReassignmentsComplete() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition d0 = tp("d", 0);
        createAndAwait(controller, "d", Map.of(0, List.of(1, 2)));
        assertEquals(Errors.NONE, reassignError(controller, d0, List.of(1, 3)));

        cluster.topicAdmin.deleteTopic("d");
        Wait.until("the deletion is deferred", () -> controller.controller.query(c -> c.isMarkedForDeletion("d")).join());
        barrier(controller);
        assertFalse(controller.controller.query(c -> c.isQueuedForDeletion("d")).join());
        assertTrue(cluster.admin.topics().exists("d"));
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, reassignError(controller, d0, List.of(1, 2)),
                "a topic marked for deletion takes no new reassignment");

        assertEquals(Errors.NONE, leaderProposesIsr(controller, d0, List.of(1, 2, 3)).error());
        Wait.until("the topic is deleted after its reassignment", () -> !cluster.admin.topics().exists("d"));
        barrier(controller); // the requests of the event that deleted the znodes are sent at its end
        List<TopicPartition> deletedOn3 = new ArrayList<>(controller.channel.stopped(3, true));
        assertEquals(List.of(d0), deletedOn3);
    }
}
