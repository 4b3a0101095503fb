package io.samsa.core.controller;

import io.samsa.core.admin.AdminException;
import static io.samsa.core.controller.RecordingChannel.Kind.LEADER_AND_ISR;
import static io.samsa.core.controller.RecordingChannel.Kind.UPDATE_METADATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.testkit.Wait;
import io.samsa.zk.PartitionState;
import io.samsa.zk.TopicAssignment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class ControllerTest {

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

    /** Waits until the controller has finished every event queued so far. */
    private static void barrier(ControllerTestCluster.Broker broker) {
        broker.controller.query(c -> 0).join();
    }

    private static List<TopicPartition> partitionsIn(List<RecordingChannel.Request> requests) {
        List<TopicPartition> result = new ArrayList<>();
        for (RecordingChannel.Request r : requests) {
            r.states().forEach(s -> result.add(s.topicPartition()));
        }
        result.sort(null);
        return result;
    }

    @Test
    void newTopicGetsItsFirstReplicasAsLeadersAndEveryReplicaIsTold() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        controller.channel.clear();

        TopicAssignment created = cluster.topicAdmin.createTopic("orders",
                Map.of(0, List.of(2, 3), 1, List.of(3, 1), 2, List.of(1, 2)), Map.of(), false);
        for (int p = 0; p < 3; p++) {
            cluster.awaitState("orders", p, s -> true, "has a state");
        }
        barrier(controller);

        assertEquals(new PartitionState(2, 0, List.of(2, 3), 1, 0, 0), cluster.state("orders", 0).orElseThrow());
        assertEquals(new PartitionState(3, 0, List.of(3, 1), 1, 0, 0), cluster.state("orders", 1).orElseThrow());
        assertEquals(new PartitionState(1, 0, List.of(1, 2), 1, 0, 0), cluster.state("orders", 2).orElseThrow());

        RecordingChannel ch = controller.channel;
        assertEquals(List.of(tp("orders", 1), tp("orders", 2)), partitionsIn(ch.of(LEADER_AND_ISR, 1)));
        assertEquals(List.of(tp("orders", 0), tp("orders", 2)), partitionsIn(ch.of(LEADER_AND_ISR, 2)));
        assertEquals(List.of(tp("orders", 0), tp("orders", 1)), partitionsIn(ch.of(LEADER_AND_ISR, 3)));
        PartitionLeaderState sent = ch.last(LEADER_AND_ISR, 3, tp("orders", 0)).orElseThrow();
        assertEquals(new PartitionLeaderState("orders", created.topicId(), 0, 1, 2, 0, List.of(2, 3), 0, List.of(2, 3), List.of(), List.of(),
                List.of(), true), sent);
        for (RecordingChannel.Request r : ch.requests) {
            assertTrue(r.brokerWasAdded(), "requests go only to added brokers: " + r);
            assertEquals(1, r.controllerEpoch());
            if (r.kind() == LEADER_AND_ISR) {
                for (PartitionLeaderState s : r.states()) {
                    assertTrue(r.brokers().contains(s.leader()), "the live_leaders carry each leader");
                }
            }
        }
        for (int broker = 1; broker <= 3; broker++) {
            List<RecordingChannel.Request> um = ch.of(UPDATE_METADATA, broker);
            assertEquals(List.of(tp("orders", 0), tp("orders", 1), tp("orders", 2)), partitionsIn(um).stream().distinct().toList());
            assertEquals(List.of(1, 2, 3), um.get(um.size() - 1).brokers());
        }
        assertEquals(created.topicId(), controller.controller.query(c -> c.topicId("orders")).join());
        assertEquals(List.of(3, 1), controller.controller.query(c -> List.copyOf(c.replicas(tp("orders", 1)))).join());
    }

    @Test
    void singleReplicaPartitionIsOfflineWhileItsBrokerIsDownThenLedAgainWithANewEpoch() throws Exception {
        cluster.startWithController(1, 2);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("solo", Map.of(0, List.of(2)), Map.of(), false);
        cluster.awaitState("solo", 0, s -> s.leader() == 2, "is led by broker 2");
        barrier(controller);
        controller.channel.clear();

        cluster.stop(2);
        cluster.awaitState("solo", 0, s -> s.leader() == PartitionState.NO_LEADER, "goes offline");
        barrier(controller);
        PartitionState offline = cluster.state("solo", 0).orElseThrow();
        assertEquals(1, offline.leaderEpoch());
        assertEquals(List.of(2), offline.isr(), "the last ISR member stays, for a clean election later");
        PartitionLeaderState told = controller.channel.last(UPDATE_METADATA, 1, tp("solo", 0)).orElseThrow();
        assertEquals(-1, told.leader());
        assertEquals(List.of(2), told.offlineReplicas());
        assertEquals(List.of(1), lastUpdateMetadata(controller.channel, 1).brokers());
        assertTrue(controller.channel.membership.contains("remove:2"));
        assertEquals(ControllerContext.PartitionPhase.OFFLINE, controller.controller.query(c -> c.phase(tp("solo", 0))).join());
        controller.channel.clear();

        cluster.start(2);
        cluster.awaitState("solo", 0, s -> s.leader() == 2, "is led by broker 2 again");
        barrier(controller);
        PartitionState back = cluster.state("solo", 0).orElseThrow();
        assertEquals(2, back.leaderEpoch());
        assertEquals(List.of(2), back.isr());
        PartitionLeaderState leaderAndIsr = controller.channel.last(LEADER_AND_ISR, 2, tp("solo", 0)).orElseThrow();
        assertEquals(2, leaderAndIsr.leader());
        assertEquals(2, leaderAndIsr.leaderEpoch());
        assertEquals(2, controller.channel.last(UPDATE_METADATA, 1, tp("solo", 0)).orElseThrow().leader());
        assertEquals(List.of(1, 2), lastUpdateMetadata(controller.channel, 2).brokers());
    }

    private static RecordingChannel.Request lastUpdateMetadata(RecordingChannel channel, int broker) {
        List<RecordingChannel.Request> um = channel.of(UPDATE_METADATA, broker);
        return um.get(um.size() - 1);
    }

    @Test
    void leaderFailureElectsTheNextLiveInSyncReplicaInAssignmentOrder() throws Exception {
        cluster.startWithController(1, 2, 3, 4);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("r3", Map.of(0, List.of(2, 3, 4), 1, List.of(3, 2, 4)), Map.of(), false);
        cluster.awaitState("r3", 0, s -> true, "exists");
        cluster.awaitState("r3", 1, s -> true, "exists");
        barrier(controller);
        controller.channel.clear();

        cluster.stop(2);
        cluster.awaitState("r3", 0, s -> s.leader() == 3, "is led by broker 3");
        cluster.awaitState("r3", 1, s -> !s.isr().contains(2), "drops broker 2 from its ISR");
        barrier(controller);
        assertEquals(new PartitionState(3, 1, List.of(3, 4), 1, 0, 1), cluster.state("r3", 0).orElseThrow());
        assertEquals(new PartitionState(3, 1, List.of(3, 4), 1, 0, 1), cluster.state("r3", 1).orElseThrow());
        for (int broker : List.of(3, 4)) {
            PartitionLeaderState s = controller.channel.last(LEADER_AND_ISR, broker, tp("r3", 0)).orElseThrow();
            assertEquals(3, s.leader());
            assertEquals(1, s.leaderEpoch());
            assertEquals(List.of(3, 4), s.isr());
        }
        assertTrue(controller.channel.of(LEADER_AND_ISR, 2).isEmpty(), "nothing is sent to the dead broker");
        controller.channel.clear();

        cluster.start(2);
        Wait.until("the returning broker is told its replicas", () -> controller.channel.last(LEADER_AND_ISR, 2, tp("r3", 1)).isPresent());
        barrier(controller);
        PartitionLeaderState follower = controller.channel.last(LEADER_AND_ISR, 2, tp("r3", 0)).orElseThrow();
        assertEquals(3, follower.leader(), "it returns as a follower; the leader adds it back to the ISR");
        assertEquals(List.of(tp("r3", 0), tp("r3", 1)), partitionsIn(controller.channel.of(LEADER_AND_ISR, 2)));
        assertEquals(1, cluster.state("r3", 0).orElseThrow().leaderEpoch(), "no new election for an online partition");
    }

    @Test
    void newControllerReloadsEverythingFromZooKeeperAndTellsEveryBroker() throws Exception {
        cluster.startWithController(1, 2, 3);
        cluster.topicAdmin.createTopic("f", Map.of(0, List.of(2, 1), 1, List.of(3, 2)), Map.of(), false);
        cluster.awaitState("f", 0, s -> true, "exists");
        cluster.awaitState("f", 1, s -> true, "exists");

        cluster.brokers.get(1).zk.expireSession();

        // The old controller may still believe it is active until it notices its session is gone:
        // fencing is what keeps it harmless meanwhile.
        Wait.until("a controller with epoch 2", () -> cluster.brokers.values().stream().anyMatch(b -> b.controller.epoch() == 2));
        ControllerTestCluster.Broker next = cluster.brokers.values().stream().filter(b -> b.controller.epoch() == 2).findFirst().orElseThrow();
        Wait.until("the new controller sees all three brokers", () -> next.controller.query(c -> c.liveBrokerIds().size()).join() == 3);
        barrier(next);
        for (int broker = 1; broker <= 3; broker++) {
            int b = broker;
            Wait.until("full metadata sent to broker " + b, () -> next.channel.requests.stream().anyMatch(r -> r.kind() == UPDATE_METADATA && r.brokerId() == b
                    && r.controllerEpoch() == 2 && r.states().size() == 2));
        }
        Wait.until("broker 2 is told about its replicas", () -> next.channel.last(LEADER_AND_ISR, 2, tp("f", 0)).isPresent()
                && next.channel.last(LEADER_AND_ISR, 2, tp("f", 1)).isPresent());
        assertNotEquals(Uuid.ZERO, next.controller.query(c -> c.topicId("f")).join());
        for (ControllerTestCluster.Broker b : cluster.brokers.values()) {
            if (b != next) {
                assertFalse(b.controller.isActive());
            }
        }
        if (next.id != 1) {
            Wait.until("the old controller dropped its channels", () -> cluster.brokers.get(1).channel.membership.contains("remove:1"));
        }
    }

    @Test
    void cleanShutdownOfTheControllerHandsOverAndItsPartitionsMove() throws Exception {
        cluster.startWithController(1, 2, 3);
        cluster.topicAdmin.createTopic("h", Map.of(0, List.of(1, 2)), Map.of(), false);
        cluster.awaitState("h", 0, s -> s.leader() == 1, "is led by broker 1");

        cluster.stop(1);

        Wait.until("a new controller", () -> cluster.brokers.values().stream().anyMatch(b -> b.controller.isActive()));
        ControllerTestCluster.Broker next = cluster.controller();
        assertEquals(2, next.controller.epoch());
        cluster.awaitState("h", 0, s -> s.leader() == 2, "moves to broker 2");
        PartitionState state = cluster.state("h", 0).orElseThrow();
        assertEquals(List.of(2), state.isr());
        assertEquals(2, state.controllerEpoch());
    }

    @Test
    void deletingATopicStopsAndDeletesEveryReplicaThenRemovesItsZnodes() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicAssignment first = cluster.topicAdmin.createTopic("doomed", Map.of(0, List.of(1, 2), 1, List.of(2, 3)),
                Map.of("retention.ms", "1000"), false);
        cluster.awaitState("doomed", 0, s -> true, "exists");
        cluster.awaitState("doomed", 1, s -> true, "exists");
        barrier(controller);
        controller.channel.clear();

        cluster.topicAdmin.deleteTopic("doomed");
        cluster.topicAdmin.deleteTopic("doomed"); // again: not an error while it is being deleted
        Wait.until("deleted", () -> !cluster.admin.topics().exists("doomed") && !cluster.admin.topics().isMarkedForDeletion("doomed"));
        barrier(controller);

        assertEquals(Map.of(), cluster.admin.configs().topicConfig("doomed"));
        assertEquals(List.of(tp("doomed", 0)), controller.channel.stopped(1, true));
        assertEquals(List.of(tp("doomed", 0), tp("doomed", 1)), sorted(controller.channel.stopped(2, true)));
        assertEquals(List.of(tp("doomed", 1)), controller.channel.stopped(3, true));
        for (int broker = 1; broker <= 3; broker++) {
            assertEquals(PartitionState.LEADER_DURING_DELETE, controller.channel.last(UPDATE_METADATA, broker, tp("doomed", 0)).orElseThrow().leader());
            assertEquals(PartitionState.LEADER_DURING_DELETE, controller.channel.last(UPDATE_METADATA, broker, tp("doomed", 1)).orElseThrow().leader());
        }
        assertFalse(controller.controller.query(c -> c.hasTopic("doomed")).join());
        assertThrows(AdminException.class, () -> cluster.topicAdmin.deleteTopic("doomed"));

        TopicAssignment again = cluster.topicAdmin.createTopic("doomed", Map.of(0, List.of(3)), Map.of(), false);
        assertNotEquals(first.topicId(), again.topicId());
        cluster.awaitState("doomed", 0, s -> s.leader() == 3 && s.leaderEpoch() == 0, "is created anew");
    }

    private static List<TopicPartition> sorted(List<TopicPartition> list) {
        List<TopicPartition> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    @Test
    void deletionWaitsForADeadReplicaBrokerToComeBack() throws Exception {
        cluster.startWithController(1, 2);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("waits", Map.of(0, List.of(2)), Map.of(), false);
        cluster.awaitState("waits", 0, s -> s.leader() == 2, "is led by broker 2");
        cluster.stop(2);
        cluster.awaitState("waits", 0, s -> s.leader() == -1, "is offline");

        cluster.topicAdmin.deleteTopic("waits");
        Wait.until("the deletion is queued", () -> controller.controller.query(c -> c.isQueuedForDeletion("waits")).join());
        barrier(controller);
        assertTrue(cluster.admin.topics().exists("waits"), "the deletion waits for broker 2");
        assertTrue(controller.channel.stopped(2, true).isEmpty());
        assertEquals(PartitionState.LEADER_DURING_DELETE, controller.channel.last(UPDATE_METADATA, 1, tp("waits", 0)).orElseThrow().leader());
        controller.channel.clear();

        cluster.start(2);
        Wait.until("deleted once broker 2 is back", () -> !cluster.admin.topics().exists("waits"));
        barrier(controller);
        assertEquals(List.of(tp("waits", 0)), controller.channel.stopped(2, true));
        assertTrue(controller.channel.last(LEADER_AND_ISR, 2, tp("waits", 0)).isEmpty(), "a topic being deleted is not led again");
        assertEquals(PartitionState.LEADER_DURING_DELETE, controller.channel.last(UPDATE_METADATA, 2, tp("waits", 0)).orElseThrow().leader());
    }

    @Test
    void addedPartitionsAreInitializedAndTheOldOnesLeftAlone() throws Exception {
        cluster.startWithController(1, 2);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("grow", Map.of(0, List.of(1, 2)), Map.of(), false);
        cluster.awaitState("grow", 0, s -> true, "exists");
        barrier(controller);
        controller.channel.clear();

        TopicAssignment grown = cluster.topicAdmin.createPartitions("grow", 3, List.of(List.of(2, 1), List.of(1, 2)), false);
        assertEquals(Map.of(0, List.of(1, 2), 1, List.of(2, 1), 2, List.of(1, 2)), grown.partitions());
        cluster.awaitState("grow", 1, s -> s.leader() == 2, "is led by broker 2");
        cluster.awaitState("grow", 2, s -> s.leader() == 1, "is led by broker 1");
        barrier(controller);

        assertEquals(new PartitionState(1, 0, List.of(1, 2), 1, 0, 0), cluster.state("grow", 0).orElseThrow());
        assertEquals(List.of(tp("grow", 1), tp("grow", 2)), partitionsIn(controller.channel.of(LEADER_AND_ISR, 1)));
        assertTrue(controller.channel.last(LEADER_AND_ISR, 1, tp("grow", 1)).orElseThrow().isNew());
        assertEquals(3, controller.controller.query(c -> c.partitions("grow").size()).join());

        AdminException shrink = assertThrows(AdminException.class, () -> cluster.topicAdmin.createPartitions("grow", 2, null, false));
        assertEquals(Errors.INVALID_PARTITIONS, shrink.error());
        TopicAssignment auto = cluster.topicAdmin.createPartitions("grow", 5, null, false);
        assertEquals(5, auto.partitionCount());
        cluster.awaitState("grow", 4, s -> true, "exists");
    }

    @Test
    void isrChangesWrittenByALeaderArePropagatedToEveryBroker() throws Exception {
        cluster.startWithController(1, 2);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("isr", Map.of(0, List.of(1, 2)), Map.of(), false);
        cluster.awaitState("isr", 0, s -> true, "exists");
        barrier(controller);
        controller.channel.clear();

        PartitionState shrunk = new PartitionState(1, 0, List.of(1), 1, 0, 0);
        assertTrue(cluster.admin.partitionStates().conditionalUpdate(tp("isr", 0), shrunk, 0).ok());
        cluster.admin.partitionStates().notifyIsrChange(Set.of(tp("isr", 0)));

        Wait.until("broker 2 learns the new ISR", () -> controller.channel.last(UPDATE_METADATA, 2, tp("isr", 0)).map(s -> s.isr().equals(List.of(1))).orElse(false));
        Wait.until("the notification is consumed", () -> cluster.admin.partitionStates().isrChangeNotifications(null).isEmpty());
        assertEquals(1, controller.controller.query(c -> c.state(tp("isr", 0)).orElseThrow().zkVersion()).join());
    }

    @Test
    void aControllerWriteThatRacesALeadersIsrChangeIsRecomputedFromTheLeadersState() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("race", Map.of(0, List.of(1, 2, 3)), Map.of(), false);
        cluster.awaitState("race", 0, s -> true, "exists");
        barrier(controller);

        // The leader shrinks the ISR to [1, 3] and has not announced it yet: the controller's copy is stale.
        assertTrue(cluster.admin.partitionStates().conditionalUpdate(tp("race", 0), new PartitionState(1, 0, List.of(1, 3), 1, 0, 0), 0).ok());
        cluster.stop(3);

        cluster.awaitState("race", 0, s -> s.isr().equals(List.of(1)), "loses broker 3 from the leader's ISR");
        assertEquals(new PartitionState(1, 1, List.of(1), 1, 0, 2), cluster.state("race", 0).orElseThrow(),
                "the controller re-read the leader's version and removed only broker 3");
    }

    @Test
    void aFencedControllerWritesNothingAndStepsDown() throws Exception {
        cluster.startWithController(1, 2);
        ControllerTestCluster.Broker first = cluster.controller();
        first.channel.membership.clear();

        // Another controller's election bumps the epoch behind broker 1's back.
        ZooKeeper raw = connectRaw();
        try {
            Stat stat = raw.exists("/controller_epoch", false);
            raw.setData("/controller_epoch", "7".getBytes(StandardCharsets.UTF_8), stat.getVersion());
        } finally {
            raw.close();
        }
        cluster.topicAdmin.createTopic("after", Map.of(0, List.of(1, 2)), Map.of(), false);

        cluster.awaitState("after", 0, s -> s.controllerEpoch() == 8, "is written by the controller of epoch 8");
        PartitionState state = cluster.state("after", 0).orElseThrow();
        assertEquals(0, state.zkVersion(), "the fenced controller never wrote it");
        assertTrue(first.channel.membership.contains("remove:1") && first.channel.membership.contains("remove:2"),
                "the fenced controller dropped its channels: " + first.channel.membership);
        Wait.until("one controller, epoch 8", () -> cluster.brokers.values().stream().filter(b -> b.controller.isActive()).count() == 1
                && cluster.controller().controller.epoch() == 8);
    }

    private ZooKeeper connectRaw() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(cluster.server.getConnectString(), 10_000, e -> {
            if (e.getState() == org.apache.zookeeper.Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        assertTrue(connected.await(10, TimeUnit.SECONDS));
        return zk;
    }

    @Test
    void controlledShutdownMovesLeadershipAndLeavesTheIsrs() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("cs", Map.of(0, List.of(2, 3), 1, List.of(3, 2)), Map.of(), false);
        cluster.topicAdmin.createTopic("single", Map.of(0, List.of(2)), Map.of(), false);
        cluster.awaitState("cs", 0, s -> true, "exists");
        cluster.awaitState("cs", 1, s -> true, "exists");
        cluster.awaitState("single", 0, s -> true, "exists");
        long epochOf2 = cluster.brokers.get(2).registration.brokerEpoch();

        CompletionException stale = assertThrows(CompletionException.class, () -> controller.controller.controlledShutdown(2, epochOf2 + 1).join());
        assertEquals(Errors.STALE_BROKER_EPOCH, assertInstanceOf(ControllerException.class, stale.getCause()).error());
        CompletionException notController = assertThrows(CompletionException.class,
                () -> cluster.brokers.get(3).controller.controlledShutdown(2, epochOf2).join());
        assertEquals(Errors.NOT_CONTROLLER, assertInstanceOf(ControllerException.class, notController.getCause()).error());

        Set<TopicPartition> remaining = controller.controller.controlledShutdown(2, epochOf2).join();
        assertEquals(Set.of(), remaining, "single-replica partitions cannot move and are not counted");
        assertEquals(new PartitionState(3, 1, List.of(3), 1, 0, 1), cluster.state("cs", 0).orElseThrow());
        assertEquals(new PartitionState(3, 1, List.of(3), 1, 0, 1), cluster.state("cs", 1).orElseThrow());
        assertEquals(2, cluster.state("single", 0).orElseThrow().leader());
        assertEquals(List.of(tp("cs", 1)), controller.channel.stopped(2, false));
        assertEquals(3, controller.channel.last(LEADER_AND_ISR, 2, tp("cs", 0)).orElseThrow().leader(),
                "the shutting-down broker is told it follows now");
    }

    @Test
    void alterPartitionWritesTheLeadersIsrAndRefusesStaleOrIneligibleProposals() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("ap", Map.of(0, List.of(2, 3, 1), 1, List.of(2, 1, 3)), Map.of(), false);
        cluster.awaitState("ap", 0, s -> true, "exists");
        cluster.awaitState("ap", 1, s -> true, "exists");
        barrier(controller);
        controller.channel.clear();
        long epochOf2 = cluster.brokers.get(2).registration.brokerEpoch();

        Map<TopicPartition, IsrChangeResult> shrunk = controller.controller.alterPartition(2, epochOf2, List.of(
                new IsrChange(tp("ap", 0), 0, List.of(2, 3), 0),
                new IsrChange(tp("ap", 1), 0, List.of(2, 1), 0))).join();
        assertEquals(List.of(tp("ap", 0), tp("ap", 1)), List.copyOf(shrunk.keySet()), "answers keep the request's order");
        assertEquals(new IsrChangeResult(Errors.NONE, 2, 0, List.of(2, 3), 1), shrunk.get(tp("ap", 0)));
        assertEquals(new PartitionState(2, 0, List.of(2, 3), 1, 0, 1), cluster.state("ap", 0).orElseThrow(),
                "written with the same leader epoch and the controller's epoch");
        Wait.until("broker 1 learns the new ISR", () -> controller.channel.last(UPDATE_METADATA, 1, tp("ap", 0))
                .map(s -> s.isr().equals(List.of(2, 3))).orElse(false));

        // The same proposal again (a retried request whose answer was lost) is answered with the state written.
        assertEquals(shrunk.get(tp("ap", 0)), controller.controller.alterPartition(2, epochOf2,
                List.of(new IsrChange(tp("ap", 0), 0, List.of(2, 3), 1))).join().get(tp("ap", 0)));

        Map<TopicPartition, IsrChangeResult> refused = controller.controller.alterPartition(2, epochOf2, List.of(
                new IsrChange(tp("ap", 0), 0, List.of(2, 3, 1), 0), // partition epoch 0 was superseded
                new IsrChange(tp("ap", 1), 1, List.of(2, 1, 3), 1), // leader epoch 1 does not exist yet
                new IsrChange(tp("missing", 0), 0, List.of(2), 0))).join();
        assertEquals(Errors.INVALID_UPDATE_VERSION, refused.get(tp("ap", 0)).error());
        assertEquals(Errors.FENCED_LEADER_EPOCH, refused.get(tp("ap", 1)).error());
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, refused.get(tp("missing", 0)).error());

        Map<TopicPartition, IsrChangeResult> notLeader = controller.controller.alterPartition(3, cluster.brokers.get(3).registration.brokerEpoch(),
                List.of(new IsrChange(tp("ap", 0), 0, List.of(3), 1))).join();
        assertEquals(Errors.FENCED_LEADER_EPOCH, notLeader.get(tp("ap", 0)).error(), "only the leader may change the ISR");

        CompletionException stale = assertThrows(CompletionException.class, () -> controller.controller.alterPartition(2, epochOf2 + 1,
                List.of(new IsrChange(tp("ap", 0), 0, List.of(2), 1))).join());
        assertEquals(Errors.STALE_BROKER_EPOCH, assertInstanceOf(ControllerException.class, stale.getCause()).error());
        CompletionException notController = assertThrows(CompletionException.class, () -> cluster.brokers.get(3).controller
                .alterPartition(2, epochOf2, List.of(new IsrChange(tp("ap", 0), 0, List.of(2), 1))).join());
        assertEquals(Errors.NOT_CONTROLLER, assertInstanceOf(ControllerException.class, notController.getCause()).error());

        // A broker that is gone cannot rejoin the ISR.
        cluster.stop(3);
        Wait.until("the controller sees broker 3 leave", () -> controller.controller.query(c -> c.isLive(3)).join() == false);
        PartitionState afterDeath = cluster.state("ap", 1).orElseThrow();
        IsrChangeResult ineligible = controller.controller.alterPartition(2, epochOf2, List.of(new IsrChange(tp("ap", 1),
                afterDeath.leaderEpoch(), List.of(2, 1, 3), afterDeath.zkVersion()))).join().get(tp("ap", 1));
        assertEquals(Errors.INELIGIBLE_REPLICA, ineligible.error());
        assertEquals(afterDeath, cluster.state("ap", 1).orElseThrow(), "a refused proposal writes nothing");
    }

    @Test
    void aBrokerReportedGoneIsDeregisteredAtOnceAndItsPartitionsMove() throws Exception {
        cluster.startWithController(1, 2, 3);
        ControllerTestCluster.Broker controller = cluster.controller();
        cluster.topicAdmin.createTopic("gone", Map.of(0, List.of(2, 3, 1)), Map.of(), false);
        cluster.awaitState("gone", 0, s -> true, "exists");
        barrier(controller);
        long epochOf2 = cluster.brokers.get(2).registration.brokerEpoch();

        controller.controller.brokerUnreachable(2, epochOf2 + 1);
        barrier(controller);
        assertEquals(epochOf2, cluster.admin.brokers().get(2).orElseThrow().epoch(), "a report about another registration is ignored");

        controller.controller.brokerUnreachable(2, epochOf2);
        cluster.awaitState("gone", 0, s -> s.leader() == 3 && s.isr().equals(List.of(3, 1)), "moves to broker 3 without broker 2");
        // Broker 2 is in fact alive in this test: it sees its znode go and registers again, as a new broker.
        Wait.until("broker 2 registered again with a new epoch", () -> cluster.brokers.get(2).registration.brokerEpoch() > epochOf2);
        Wait.until("and live again", () -> controller.controller.query(c -> c.isLive(2)
                && c.liveBrokers().get(2).epoch() == cluster.brokers.get(2).registration.brokerEpoch()).join());
    }
}
