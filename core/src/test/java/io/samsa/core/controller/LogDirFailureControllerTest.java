package io.samsa.core.controller;

import static io.samsa.core.controller.RecordingChannel.Kind.LEADER_AND_ISR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.testkit.Wait;
import io.samsa.zk.PartitionState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controller's side of a failed log dir (Kafka's ZooKeeper-mode design): a broker's
 * announcement in {@code /log_dir_event_notification} makes the controller tell it every replica it
 * holds; the replicas it answers KAFKA_STORAGE_ERROR for leave their ISRs and lose their leadership
 * until the broker registers again. The tests play the broker's answers.
 */
@Timeout(120)
class LogDirFailureControllerTest {

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

    private PartitionState state(TopicPartition tp) {
        return cluster.state(tp.topic(), tp.partition()).orElseThrow();
    }

    @Test
    void replicasInAFailedDirLoseLeadershipAndLeaveTheIsrUntilTheBrokerRegistersAgain() throws Exception {
        cluster.startWithController(3, 1, 2);
        ControllerTestCluster.Broker controller = cluster.controller();
        TopicPartition d0 = tp("d", 0);
        TopicPartition d1 = tp("d", 1);
        TopicPartition solo = tp("solo", 0);
        cluster.topicAdmin.createTopic("d", Map.of(0, List.of(1, 2, 3), 1, List.of(2, 1, 3)), Map.of(), false);
        cluster.topicAdmin.createTopic("solo", Map.of(0, List.of(1)), Map.of(), false);
        cluster.awaitState("d", 1, PartitionState::hasLeader, "has a leader");
        cluster.awaitState("solo", 0, PartitionState::hasLeader, "has a leader");
        controller.controller.query(c -> 0).join();
        controller.channel.clear();

        cluster.admin.logDirEvents().notifyFailure(1);

        Wait.until("broker 1 is told of its replicas", () -> controller.channel.last(LEADER_AND_ISR, 1, d0).isPresent()
                && controller.channel.last(LEADER_AND_ISR, 1, d1).isPresent() && controller.channel.last(LEADER_AND_ISR, 1, solo).isPresent());
        Wait.until("the announcement is consumed", () -> cluster.admin.logDirEvents().notifications(null).isEmpty());
        assertEquals(1, state(d0).leader(), "nothing moves before the broker says which replicas are offline");

        long epoch1 = cluster.brokers.get(1).registration.brokerEpoch();
        controller.channel.responseListener.onReplicasOnOfflineDirs(1, epoch1, Set.of(d0, d1, solo));

        cluster.awaitState("d", 0, s -> s.leader() == 2 && s.isr().equals(List.of(2, 3)), "is led by broker 2 without broker 1");
        cluster.awaitState("d", 1, s -> s.leader() == 2 && s.isr().equals(List.of(2, 3)), "keeps leader 2 without broker 1");
        cluster.awaitState("solo", 0, s -> !s.hasLeader() && s.isr().equals(List.of(1)), "is offline, its only replica kept in the ISR");
        assertEquals(2, controller.channel.last(LEADER_AND_ISR, 3, d0).orElseThrow().leader());
        assertEquals(List.of(1), controller.channel.last(RecordingChannel.Kind.UPDATE_METADATA, 2, d0).orElseThrow().offlineReplicas(),
                "metadata lists the replica as offline");
        assertEquals(Errors.PREFERRED_LEADER_NOT_AVAILABLE, controller.controller
                .electLeaders(Optional.of(Set.of(d0)), ElectionType.PREFERRED).join().get(d0).error());

        // A stale answer (an older registration of broker 1) changes nothing.
        controller.channel.responseListener.onReplicasOnOfflineDirs(1, epoch1 - 1, Set.of(d0));

        // Restarted with its dirs loaded again, broker 1 may lead again.
        cluster.stop(1);
        cluster.start(1);
        Wait.until("the controller sees broker 1 again", () -> controller.controller.query(c -> c.isLive(1)).join());
        assertFalse(controller.controller.query(c -> c.isOnOfflineDir(1, d0)).join());
        cluster.awaitState("solo", 0, s -> s.leader() == 1, "is led by broker 1 again");
        assertTrue(controller.controller.query(c -> c.canLead(1, d0)).join());
    }

    @Test
    void aNewControllerDiscardsPendingAnnouncementsAndLearnsFromTheAnswers() throws Exception {
        cluster.startWithController(3, 1, 2);
        cluster.topicAdmin.createTopic("n", Map.of(0, List.of(1, 2)), Map.of(), false);
        cluster.awaitState("n", 0, PartitionState::hasLeader, "has a leader");
        cluster.stop(3);
        cluster.admin.logDirEvents().notifyFailure(1);
        Wait.until("a new controller", () -> cluster.brokers.values().stream().anyMatch(b -> b.controller.isActive()));
        ControllerTestCluster.Broker controller = cluster.controller();
        Wait.until("the announcement is consumed", () -> cluster.admin.logDirEvents().notifications(null).isEmpty());
        Wait.until("broker 1 is told of n-0", () -> controller.channel.last(LEADER_AND_ISR, 1, tp("n", 0)).isPresent());

        controller.channel.responseListener.onReplicasOnOfflineDirs(1, cluster.brokers.get(1).registration.brokerEpoch(), Set.of(tp("n", 0)));
        cluster.awaitState("n", 0, s -> s.leader() == 2 && s.isr().equals(List.of(2)), "is led by broker 2");
    }
}
