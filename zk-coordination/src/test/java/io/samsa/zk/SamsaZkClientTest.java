package io.samsa.zk;

import static io.samsa.zk.ZkTestSupport.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SamsaZkClientTest {

    private TestingServer server;
    private SamsaZkClient zk;

    @BeforeEach
    void setUp() throws Exception {
        server = ZkTestSupport.newServer();
        zk = connect(server);
    }

    @AfterEach
    void tearDown() throws Exception {
        zk.close();
        server.close();
    }

    @Test
    void createsKafkasPersistentPathsWithEmptyData() throws Exception {
        for (String path : SamsaZkClient.PERSISTENT_PATHS) {
            Stat stat = new Stat();
            byte[] data = zk.curator().getData().storingStatIn(stat).forPath(path);
            assertEquals(0, data.length, path + " should hold no data");
        }
    }

    @Test
    void chrootIsCreatedAndUsed() throws Exception {
        try (SamsaZkClient chrooted = connect(server.getConnectString() + "/samsa/test")) {
            chrooted.topics().create(TopicAssignment.of("t", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of());
            assertNotNull(zk.curator().checkExists().forPath("/samsa/test/brokers/topics/t"));
            assertNotNull(zk.curator().checkExists().forPath("/samsa/test/brokers/ids"));
            assertFalse(zk.topics().exists("t"));
        }
    }

    @Test
    void clusterIdIsCreatedOnceAndSharedByEveryBroker() {
        String id = zk.getOrCreateClusterId(() -> "first");
        try (SamsaZkClient other = connect(server)) {
            assertEquals("first", other.getOrCreateClusterId(() -> "second"));
        }
        assertEquals("first", id);
    }

    @Test
    void version0ConsumerOffsetsLiveUnderConsumersAsText() throws Exception {
        TopicPartition tp = new TopicPartition("orders", 3);
        assertEquals(java.util.OptionalLong.empty(), zk.consumerOffset("legacy", tp));
        zk.setConsumerOffset("legacy", tp, 42);
        zk.setConsumerOffset("legacy", tp, 43);
        assertEquals(java.util.OptionalLong.of(43), zk.consumerOffset("legacy", tp));
        assertEquals("43", new String(zk.curator().getData().forPath("/consumers/legacy/offsets/orders/3"),
            java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> zk.setConsumerOffset("", tp, 1));
        assertThrows(IllegalArgumentException.class, () -> zk.setConsumerOffset("..", tp, 1));
    }

    @Test
    void producerIdBlocksAreDisjointAcrossBrokers() {
        try (SamsaZkClient other = connect(server)) {
            ProducerIdBlock a = zk.allocateProducerIdBlock(1);
            ProducerIdBlock b = other.allocateProducerIdBlock(2);
            ProducerIdBlock c = zk.allocateProducerIdBlock(1);
            assertEquals(new ProducerIdBlock(1, 0, 1000), a);
            assertEquals(new ProducerIdBlock(2, 1000, 1000), b);
            assertEquals(new ProducerIdBlock(1, 2000, 1000), c);
        }
    }

    @Test
    void topicCreationWritesConfigThenAssignmentAndRefusesDuplicates() {
        Uuid id = Uuid.randomUuid();
        TopicAssignment assignment = TopicAssignment.of("orders", id, Map.of(0, List.of(1, 2), 1, List.of(2, 1)));
        zk.topics().create(assignment, Map.of("retention.ms", "1000"));
        Versioned<TopicAssignment> read = zk.topics().get("orders", null).orElseThrow();
        assertEquals(assignment, read.value());
        assertEquals(0, read.version());
        assertEquals(Map.of("retention.ms", "1000"), zk.configs().topicConfig("orders"));
        assertEquals(Set.of("orders"), zk.topics().names(null));
        assertThrows(TopicExistsException.class, () -> zk.topics().create(assignment, Map.of()));

        TopicAssignment grown = assignment.withPartitions(Map.of(0, List.of(1, 2), 1, List.of(2, 1), 2, List.of(1, 2)));
        assertTrue(zk.topics().setAssignment(grown, 0));
        assertFalse(zk.topics().setAssignment(grown, 0), "a stale version must be refused");
        assertEquals(3, zk.topics().get("orders", null).orElseThrow().value().partitionCount());
        assertEquals(Map.of("orders", new Versioned<>(grown, 1)), zk.topics().getAll(List.of("orders", "missing"), null));
    }

    @Test
    void topicCreationReplacesALeftoverConfig() {
        zk.configs().set(ConfigEntityZNode.TOPICS, "leftover", Map.of("old", "1"));
        zk.topics().create(TopicAssignment.of("leftover", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of("new", "2"));
        assertEquals(Map.of("new", "2"), zk.configs().topicConfig("leftover"));
    }

    @Test
    void topicMarkedForDeletionCannotBeRecreated() {
        TopicAssignment a = TopicAssignment.of("gone", Uuid.randomUuid(), Map.of(0, List.of(1)));
        zk.topics().create(a, Map.of());
        assertTrue(zk.topics().markForDeletion("gone"));
        assertFalse(zk.topics().markForDeletion("gone"));
        assertTrue(zk.topics().isMarkedForDeletion("gone"));
        TopicExistsException e = assertThrows(TopicExistsException.class, () -> zk.topics().create(a, Map.of()));
        assertTrue(e.getMessage().contains("marked for deletion"));
    }

    @Test
    void configChangesAreAnnounced() throws Exception {
        zk.configs().set(ConfigEntityZNode.TOPICS, "t", Map.of("cleanup.policy", "compact"));
        List<String> changes = zk.getChildren(ConfigChangeNotificationZNode.PATH, null);
        assertEquals(1, changes.size());
        assertTrue(changes.get(0).startsWith("config_change_"));
        byte[] data = zk.curator().getData().forPath(ConfigChangeNotificationZNode.PATH + "/" + changes.get(0));
        assertEquals("topics/t", ConfigChangeNotificationZNode.decode(data));
        assertEquals(List.of("t"), zk.configs().entities(ConfigEntityZNode.TOPICS));
        assertEquals(changes, zk.configs().changeNotifications(null));
        assertEquals("topics/t", zk.configs().changedEntity(changes.get(0)).orElseThrow());
        zk.configs().deleteChangeNotification(changes.get(0));
        zk.configs().deleteChangeNotification(changes.get(0));
        assertEquals(List.of(), zk.configs().changeNotifications(null));
        assertTrue(zk.configs().changedEntity(changes.get(0)).isEmpty());
    }

    @Test
    void partitionStatesAreCreatedAndUpdatedUnderTheControllerFence() {
        ControllerStore.ControllerEpoch epoch = zk.controllerStore().registerAndIncrementEpoch(1);
        zk.topics().create(TopicAssignment.of("t", Uuid.randomUuid(), Map.of(0, List.of(1, 2), 1, List.of(2, 1))), Map.of());
        assertEquals(PartitionStateStore.Outcome.NO_NODE, zk.partitionStates().createFenced(
                Map.of(new TopicPartition("nope", 0), PartitionState.initial(1, List.of(1), 1)), epoch.epochZkVersion())
                .get(new TopicPartition("nope", 0)).outcome());
        assertFalse(zk.topics().exists("nope"), "no topic znode is resurrected");
        TopicPartition tp0 = new TopicPartition("t", 0);
        TopicPartition tp1 = new TopicPartition("t", 1);
        PartitionState s0 = PartitionState.initial(1, List.of(1, 2), epoch.epoch());
        Map<TopicPartition, PartitionStateStore.WriteResult> created = zk.partitionStates().createFenced(
                Map.of(tp0, s0, tp1, PartitionState.initial(2, List.of(2, 1), epoch.epoch())), epoch.epochZkVersion());
        assertEquals(new PartitionStateStore.WriteResult(PartitionStateStore.Outcome.OK, 0), created.get(tp0));
        assertEquals(PartitionStateStore.Outcome.NODE_EXISTS,
                zk.partitionStates().createFenced(Map.of(tp0, s0), epoch.epochZkVersion()).get(tp0).outcome());

        PartitionState read = zk.partitionStates().get(tp0).orElseThrow();
        assertEquals(s0.withZkVersion(0), read);
        PartitionState next = read.newLeaderAndIsr(2, List.of(2), epoch.epoch());
        assertEquals(new PartitionStateStore.WriteResult(PartitionStateStore.Outcome.OK, 1),
                zk.partitionStates().updateFenced(Map.of(tp0, next), epoch.epochZkVersion()).get(tp0));
        assertEquals(PartitionStateStore.Outcome.BAD_VERSION,
                zk.partitionStates().updateFenced(Map.of(tp0, next), epoch.epochZkVersion()).get(tp0).outcome());
        assertEquals(PartitionStateStore.Outcome.NO_NODE, zk.partitionStates()
                .updateFenced(Map.of(new TopicPartition("t", 9), next), epoch.epochZkVersion()).get(new TopicPartition("t", 9)).outcome());
        assertEquals(Map.of(tp0, next.withZkVersion(1), tp1, PartitionState.initial(2, List.of(2, 1), epoch.epoch()).withZkVersion(0)),
                zk.partitionStates().getAll(List.of(tp0, tp1, new TopicPartition("t", 5))));
    }

    @Test
    void leaderIsrUpdateIsVersionCheckedAndAnnounced() {
        ControllerStore.ControllerEpoch epoch = zk.controllerStore().registerAndIncrementEpoch(1);
        zk.topics().create(TopicAssignment.of("t", Uuid.randomUuid(), Map.of(0, List.of(1, 2))), Map.of());
        TopicPartition tp = new TopicPartition("t", 0);
        zk.partitionStates().createFenced(Map.of(tp, PartitionState.initial(1, List.of(1), epoch.epoch())), epoch.epochZkVersion());
        PartitionState expanded = new PartitionState(1, 0, List.of(1, 2), epoch.epoch(), 0, 0);
        assertEquals(new PartitionStateStore.WriteResult(PartitionStateStore.Outcome.OK, 1), zk.partitionStates().conditionalUpdate(tp, expanded, 0));
        // The same write retried (as after a connection loss) is recognised as done.
        assertTrue(zk.partitionStates().conditionalUpdate(tp, expanded, 0).ok());
        PartitionState other = new PartitionState(1, 0, List.of(1), epoch.epoch(), 0, 0);
        assertEquals(PartitionStateStore.Outcome.BAD_VERSION, zk.partitionStates().conditionalUpdate(tp, other, 0).outcome());

        zk.partitionStates().notifyIsrChange(Set.of(tp));
        zk.partitionStates().notifyIsrChange(Set.of(new TopicPartition("u", 1)));
        List<String> names = zk.partitionStates().isrChangeNotifications(null);
        assertEquals(2, names.size());
        assertEquals(Set.of(tp, new TopicPartition("u", 1)), zk.partitionStates().readIsrChangeNotifications(names));
        zk.partitionStates().deleteIsrChangeNotificationsFenced(names, epoch.epochZkVersion());
        assertEquals(List.of(), zk.partitionStates().isrChangeNotifications(null));
    }

    @Test
    void deletingATopicRemovesAllItsZnodesInOneFencedStep() {
        ControllerStore.ControllerEpoch epoch = zk.controllerStore().registerAndIncrementEpoch(1);
        zk.topics().create(TopicAssignment.of("d", Uuid.randomUuid(), Map.of(0, List.of(1), 1, List.of(1))), Map.of("a", "b"));
        zk.partitionStates().createFenced(Map.of(new TopicPartition("d", 0), PartitionState.initial(1, List.of(1), 1),
                new TopicPartition("d", 1), PartitionState.initial(1, List.of(1), 1)), epoch.epochZkVersion());
        zk.topics().markForDeletion("d");
        zk.topics().deleteFenced("d", epoch.epochZkVersion());
        assertFalse(zk.topics().exists("d"));
        assertFalse(zk.topics().isMarkedForDeletion("d"));
        assertEquals(Map.of(), zk.configs().topicConfig("d"));
        assertNotNull(zk.exists(DeleteTopicsZNode.PATH, null), "the parent stays");
    }

    @Test
    void legacyReassignmentRequestIsCreatedOnceWatchedAndShrunkOrDeletedUnderTheFence() throws Exception {
        ControllerStore.ControllerEpoch epoch = zk.controllerStore().registerAndIncrementEpoch(1);
        AtomicInteger fired = new AtomicInteger();
        ZkWatch watch = zk.openWatchScope().watch(fired::incrementAndGet);
        assertEquals(java.util.Optional.empty(), zk.reassignments().get(watch));

        TopicPartition a = new TopicPartition("t", 0);
        TopicPartition b = new TopicPartition("t", 1);
        assertTrue(zk.reassignments().create(Map.of(a, List.of(1, 2), b, List.of(3))));
        Wait.until("the creation is seen", () -> fired.get() == 1);
        assertFalse(zk.reassignments().create(Map.of(a, List.of(9))), "one request at a time, as Kafka's old tools expect");
        assertEquals(Map.of(a, List.of(1, 2), b, List.of(3)), zk.reassignments().get(watch).orElseThrow());

        zk.reassignments().setFenced(Map.of(b, List.of(3)), epoch.epochZkVersion());
        Wait.until("the change is seen", () -> fired.get() == 2);
        assertEquals(Map.of(b, List.of(3)), zk.reassignments().get(watch).orElseThrow());
        zk.reassignments().deleteFenced(epoch.epochZkVersion());
        Wait.until("the deletion is seen", () -> fired.get() == 3);
        assertEquals(java.util.Optional.empty(), zk.reassignments().get(watch));
        zk.reassignments().deleteFenced(epoch.epochZkVersion());

        zk.curator().create().forPath(ReassignPartitionsZNode.PATH, "not json".getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of(), zk.reassignments().get(null).orElseThrow(), "unreadable content is an empty request");
        zk.controllerStore().deleteIfOwned();
        try (SamsaZkClient other = connect(server)) {
            other.controllerStore().registerAndIncrementEpoch(2);
            assertThrows(ControllerMovedException.class, () -> zk.reassignments().deleteFenced(epoch.epochZkVersion()));
        }
    }

    @Test
    void onePartitionsReassignmentStateIsReplacedAndEmptyListsLeaveNoEntry() {
        TopicAssignment a = TopicAssignment.of("t", Uuid.randomUuid(), Map.of(0, List.of(1, 2), 1, List.of(2, 3)));
        TopicAssignment moving = a.withPartition(0, List.of(3, 4, 1, 2), List.of(3, 4), List.of(1, 2));
        assertEquals(Map.of(0, List.of(3, 4, 1, 2), 1, List.of(2, 3)), moving.partitions());
        assertEquals(Map.of(0, List.of(3, 4)), moving.addingReplicas());
        assertEquals(Map.of(0, List.of(1, 2)), moving.removingReplicas());
        assertTrue(moving.isBeingReassigned());
        TopicAssignment done = moving.withPartition(0, List.of(3, 4), List.of(), List.of());
        assertEquals(Map.of(), done.addingReplicas());
        assertEquals(Map.of(), done.removingReplicas());
        assertFalse(done.isBeingReassigned());
        assertEquals(a.topicId(), done.topicId());
    }

    @Test
    void watchesFireOnceUntilReadAgainAndGoQuietWhenTheScopeCloses() throws Exception {
        AtomicInteger fired = new AtomicInteger();
        ZkWatchScope scope = zk.openWatchScope();
        ZkWatch watch = scope.watch(fired::incrementAndGet);
        assertEquals(Set.of(), zk.topics().names(watch));
        zk.topics().create(TopicAssignment.of("a", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of());
        Wait.until("the children watch fires", () -> fired.get() == 1);
        zk.topics().create(TopicAssignment.of("b", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of());
        assertEquals(Set.of("a", "b"), zk.topics().names(watch)); // re-arms
        scope.close();
        zk.topics().create(TopicAssignment.of("c", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of());
        // Let a notification (if any were wrongly delivered) arrive: a sync round trip orders it before us.
        zk.curator().sync().forPath("/");
        zk.topics().exists("c");
        assertEquals(1, fired.get());
        assertEquals("", new String(zk.curator().getData().forPath(TopicZNode.PATH), StandardCharsets.UTF_8));
    }

    @Test
    void fencedWriteFromADeposedControllerIsRejected() {
        ControllerStore.ControllerEpoch first = zk.controllerStore().registerAndIncrementEpoch(1);
        assertEquals(new ControllerStore.ControllerEpoch(1, 1), first);
        zk.topics().create(TopicAssignment.of("t", Uuid.randomUuid(), Map.of(0, List.of(1))), Map.of());
        // The first controller's session ends; another broker wins the next election.
        zk.controllerStore().deleteIfOwned();
        try (SamsaZkClient other = connect(server)) {
            ControllerStore.ControllerEpoch second = other.controllerStore().registerAndIncrementEpoch(2);
            assertEquals(new ControllerStore.ControllerEpoch(2, 2), second);
            TopicPartition tp = new TopicPartition("t", 0);
            assertThrows(ControllerMovedException.class, () ->
                    zk.partitionStates().createFenced(Map.of(tp, PartitionState.initial(1, List.of(1), 1)), first.epochZkVersion()));
            assertFalse(zk.partitionStates().get(tp).isPresent(), "nothing was written");
            assertThrows(ControllerMovedException.class, () -> zk.topics().deleteFenced("t", first.epochZkVersion()));
            assertThrows(ControllerMovedException.class, () -> zk.controllerStore().registerAndIncrementEpoch(1));
            assertTrue(other.partitionStates().createFenced(Map.of(tp, PartitionState.initial(2, List.of(2), 2)),
                    second.epochZkVersion()).get(tp).ok());
        }
    }
}
