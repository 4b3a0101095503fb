package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerConfig;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.clients.internals.NetworkClientSettings;
import io.samsa.common.MockTime;
import io.samsa.common.Node;
import io.samsa.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heartbeat's poll-timeout rule, on a mock clock (the I/O thread is built but never started). */
class HeartbeatParticipantTest {

    private final MockTime time = new MockTime(1_000_000);
    private final NetworkClient network = new NetworkClient("test", NetworkClientSettings.defaults(), time);
    private final ClientIoThread io = new ClientIoThread("test-io", network,
            new ClientMetadata(List.of(new Node(-1, "localhost", 9)), 300_000, 100, time), false, 30_000, time);
    private final ConsumerMetrics metrics = new ConsumerMetrics("test", true, time, () -> 0);

    @AfterEach
    void close() {
        network.close();
    }

    private static ConsumerSettings settings(Optional<String> instanceId) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9",
                ConsumerConfig.GROUP_ID_CONFIG, "g", ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "10000",
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        instanceId.ifPresent(id -> props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        return ConsumerSettings.from(new ConsumerConfig(props));
    }

    private GroupState stableMember(Optional<String> instanceId) {
        GroupState group = new GroupState("g", instanceId, time.milliseconds());
        group.stable(new GroupState.Generation(3, "member-1", "range"));
        return group;
    }

    @Test
    void aMemberThatPollsStaysInTheGroup() {
        GroupState group = stableMember(Optional.empty());
        HeartbeatParticipant heartbeat = new HeartbeatParticipant(io, group, new ApplicationThreadWaiter(time),
                settings(Optional.empty()), metrics);
        for (int i = 0; i < 30; i++) {
            time.advance(1000);
            group.polled(time.milliseconds());
            heartbeat.poll(time.milliseconds());
        }
        assertEquals(GroupState.Phase.STABLE, group.phase());
        assertFalse(group.hasLeftForPollTimeout());
    }

    @Test
    void aMemberThatStopsPollingLeavesAfterMaxPollInterval() {
        GroupState group = stableMember(Optional.empty());
        HeartbeatParticipant heartbeat = new HeartbeatParticipant(io, group, new ApplicationThreadWaiter(time),
                settings(Optional.empty()), metrics);
        time.advance(9_999);
        long wait = heartbeat.poll(time.milliseconds());
        assertEquals(GroupState.Phase.STABLE, group.phase());
        assertTrue(wait <= 1, "wakes up in time to leave, waited " + wait);
        time.advance(1);
        heartbeat.poll(time.milliseconds());
        assertEquals(GroupState.Phase.UNJOINED, group.phase());
        assertTrue(group.hasLeftForPollTimeout());
        assertTrue(group.generation().isNone());
        assertEquals("", group.memberId(), "a dynamic member gets a new member id when it rejoins");
        assertTrue(group.rejoinNeeded());
    }

    @Test
    void aStaticMemberKeepsItsMemberIdWhenItStopsPolling() {
        GroupState group = stableMember(Optional.of("instance-1"));
        HeartbeatParticipant heartbeat = new HeartbeatParticipant(io, group, new ApplicationThreadWaiter(time),
                settings(Optional.of("instance-1")), metrics);
        time.advance(10_000);
        heartbeat.poll(time.milliseconds());
        assertEquals(GroupState.Phase.UNJOINED, group.phase());
        assertEquals("member-1", group.memberId());
    }
}
