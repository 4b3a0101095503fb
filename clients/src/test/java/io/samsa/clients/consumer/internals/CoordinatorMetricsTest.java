package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.clients.internals.NetworkClientSettings;
import io.samsa.common.MockTime;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.serialization.StringDeserializer;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.message.HeartbeatResponse;
import io.samsa.protocol.message.JoinGroupRequest;
import io.samsa.protocol.message.JoinGroupResponse;
import io.samsa.protocol.message.OffsetCommitResponse;
import io.samsa.protocol.message.SyncGroupRequest;
import io.samsa.protocol.message.SyncGroupResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code consumer-coordinator-metrics} recorded by the group's parts, driven by a scripted
 * coordinator on a mock clock (the I/O thread, which only the coordinator lookup would use, is
 * never started).
 */
class CoordinatorMetricsTest {

    private static final String GROUP = "consumer-coordinator-metrics";
    private static final TopicPartition TP0 = new TopicPartition("t", 0);

    private final MockTime time = new MockTime();
    private final ScriptedSender sender = new ScriptedSender(time);
    private final ClientMetadata metadata = ScriptedSender.metadata(time, "t", 2);
    private final NetworkClient network = new NetworkClient("test", NetworkClientSettings.defaults(), time);
    private final ClientIoThread io = new ClientIoThread("test-io", network, metadata, false, 30_000, time);
    private final ApplicationThreadWaiter waiter = new ApplicationThreadWaiter(time);
    private final SubscriptionState subscriptions = new SubscriptionState(OffsetResetStrategy.EARLIEST);
    private final ConsumerMetrics metrics = new ConsumerMetrics("c1", true, time, subscriptions::numAssignedPartitions);
    private final GroupState group = new GroupState("g", Optional.empty(), time.milliseconds());
    private final ConsumerSettings settings = ConsumerSettings.from(new ConsumerConfig(new HashMap<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "h:1", ConsumerConfig.GROUP_ID_CONFIG, "g",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))));
    private final CoordinatorFinder finder = new CoordinatorFinder(io, group, waiter, time, 30_000, 100, 1000);
    private final OffsetCommitter committer = new OffsetCommitter(sender, group, finder, subscriptions, waiter, time,
            settings, metrics);

    CoordinatorMetricsTest() {
        group.setCoordinator(new Node(Integer.MAX_VALUE - 1, "h1", 1));
    }

    @AfterEach
    void close() {
        network.close();
    }

    private double metric(String name) {
        return (Double) ScriptedSender.metric(metrics, GROUP, name, "c1");
    }

    @Test
    void commitsAreCountedAndTimedWhenTheirAnswerArrives() {
        subscriptions.assignFromUser(List.of(TP0));
        committer.commitAsync(Map.of(TP0, new OffsetAndMetadata(5)), null);
        assertEquals(0.0, metric("commit-total"), "not answered yet");
        time.advance(12);
        sender.last().answer(new OffsetCommitResponse());
        committer.commitAsync(Map.of(TP0, new OffsetAndMetadata(6)), null);
        time.advance(30);
        sender.last().answer(new OffsetCommitResponse());
        committer.invokeCompletedCallbacks();
        assertEquals(2.0, metric("commit-total"));
        assertEquals(21.0, metric("commit-latency-avg"));
        assertEquals(30.0, metric("commit-latency-max"));
        assertEquals(2 / 30.030, metric("commit-rate"), 1e-9, "30 ms since the first answer, plus one padding window");
    }

    @Test
    void heartbeatsAreCountedWithTheirSlowestAnswer() {
        group.stable(new GroupState.Generation(1, "m1", "range"));
        HeartbeatParticipant heartbeat = new HeartbeatParticipant(sender, group, waiter, settings, metrics);
        for (int i = 0; i < 3; i++) {
            heartbeat.poll(time.milliseconds());
            time.advance(5 + i);
            sender.last().answer(new HeartbeatResponse());
            time.advance(1000);
        }
        assertEquals(3, sender.sent.size());
        assertEquals(3.0, metric("heartbeat-total"));
        assertEquals(7.0, metric("heartbeat-response-time-max"));
        assertEquals(3 / 33.013, metric("heartbeat-rate"), 1e-9, "3 answers, the first 3.013 s ago, plus one padding window");
    }

    @Test
    void aRebalanceCountsFromItsFirstJoinToItsSync() {
        subscriptions.subscribe(Set.of("t"), null);
        sender.responder = s -> {
            time.advance(100);
            return answer(s.request.api(), s.body());
        };
        RebalanceDriver driver = new RebalanceDriver(sender, metadata, group, finder, subscriptions,
                Assignors.of(settings.assignmentStrategies()), committer, new RebalanceListenerInvoker(subscriptions),
                waiter, time, settings, metrics);
        assertEquals(0.0, metric("rebalance-total"));
        assertEquals(-1.0, metric("last-rebalance-seconds-ago"), "never rebalanced");
        assertEquals(0.0, metric("assigned-partitions"));

        assertTrue(driver.poll(time.milliseconds() + 10_000));
        assertEquals(1.0, metric("rebalance-total"));
        assertEquals(200.0, metric("rebalance-latency-avg"), "JoinGroup and SyncGroup took 100 ms each");
        assertEquals(200.0, metric("rebalance-latency-total"));
        assertEquals(2.0, metric("assigned-partitions"), "the only member gets both partitions");
        time.advance(5_999);
        assertEquals(5.0, metric("last-rebalance-seconds-ago"), "whole seconds, as Kafka reports them");

        group.requestRejoin("test");
        assertTrue(driver.poll(time.milliseconds() + 10_000));
        assertEquals(2.0, metric("rebalance-total"));
        assertEquals(0.0, metric("last-rebalance-seconds-ago"));
    }

    /** The coordinator of a group of one: this member joins as leader and gets what it assigned. */
    private static ApiMessage answer(ApiKeys api, ApiMessage request) {
        if (api == ApiKeys.JOIN_GROUP) {
            JoinGroupRequest.JoinGroupRequestProtocol protocol = ((JoinGroupRequest) request).protocols().get(0);
            return new JoinGroupResponse().setGenerationId(1).setProtocolName(protocol.name()).setLeader("m1")
                    .setMemberId("m1").setMembers(List.of(new JoinGroupResponse.JoinGroupResponseMember().setMemberId("m1")
                            .setMetadata(protocol.metadata())));
        }
        if (api == ApiKeys.SYNC_GROUP) {
            return new SyncGroupResponse().setAssignment(((SyncGroupRequest) request).assignments().get(0).assignment());
        }
        throw new AssertionError("unexpected " + api);
    }
}
