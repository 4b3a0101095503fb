package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.protocol.message.DeleteGroupsRequest;
import io.samsa.protocol.message.DeleteGroupsResponse;
import io.samsa.protocol.message.DescribeGroupsRequest;
import io.samsa.protocol.message.DescribeGroupsResponse;
import io.samsa.protocol.message.FindCoordinatorRequest;
import io.samsa.protocol.message.FindCoordinatorResponse;
import io.samsa.protocol.message.HeartbeatRequest;
import io.samsa.protocol.message.HeartbeatResponse;
import io.samsa.protocol.message.JoinGroupRequest;
import io.samsa.protocol.message.JoinGroupResponse;
import io.samsa.protocol.message.LeaveGroupRequest;
import io.samsa.protocol.message.LeaveGroupResponse;
import io.samsa.protocol.message.ListGroupsRequest;
import io.samsa.protocol.message.ListGroupsResponse;
import io.samsa.protocol.message.OffsetCommitRequest;
import io.samsa.protocol.message.OffsetCommitResponse;
import io.samsa.protocol.message.OffsetDeleteRequest;
import io.samsa.protocol.message.OffsetDeleteResponse;
import io.samsa.protocol.message.OffsetFetchRequest;
import io.samsa.protocol.message.OffsetFetchResponse;
import io.samsa.protocol.message.SyncGroupRequest;
import io.samsa.protocol.message.SyncGroupResponse;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group APIs on the wire at the versions the old clients send (kafka-python: FindCoordinator
 * v0, JoinGroup v2, SyncGroup/Heartbeat/LeaveGroup v1, OffsetCommit v2, OffsetFetch v1) and the
 * newest ones (batched FindCoordinator and OffsetFetch), plus the errors for requests sent to a
 * broker that does not coordinate the group, on a two-broker cluster.
 */
@Tag("integration")
@Timeout(120)
class GroupApisWireTest {

    @RegisterExtension
    static final SamsaCluster cluster = SamsaCluster.withBrokers(2, Map.of("group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "4"));

    @BeforeAll
    static void start() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("wire", 1, (short) 1))).all().get();
        }
        cluster.waitForTopic("wire", 1);
    }

    private static BrokerConnection connect(int broker) throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(broker), "wire-test", 30_000);
    }

    private static OffsetCommitRequest.OffsetCommitRequestTopic commitOf(String topic, long offset, String metadata) {
        OffsetCommitRequest.OffsetCommitRequestTopic t = new OffsetCommitRequest.OffsetCommitRequestTopic().setName(topic);
        t.partitions().add(new OffsetCommitRequest.OffsetCommitRequestPartition()
                .setPartitionIndex(0).setCommittedOffset(offset).setCommittedMetadata(metadata));
        return t;
    }

    /** FindCoordinator v0 until the offsets topic exists and has a leader; returns the coordinator id. */
    private static int coordinatorOf(String group) throws IOException {
        int[] node = {-1};
        try (BrokerConnection c = connect(0)) {
            Wait.until("a coordinator for " + group, Duration.ofSeconds(30), () -> {
                try {
                    FindCoordinatorResponse r = c.send(new FindCoordinatorRequest().setKey(group), (short) 0);
                    if (r.errorCode() != 0) {
                        assertEquals(Errors.COORDINATOR_NOT_AVAILABLE.code(), r.errorCode());
                        return false;
                    }
                    node[0] = r.nodeId();
                    assertEquals(cluster.port(node[0]), r.port());
                    return true;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return node[0];
    }

    @Test
    void kafkaPythonVersionsEndToEnd() throws Exception {
        String group = "py-group";
        int coordinator = coordinatorOf(group);
        try (BrokerConnection c = connect(coordinator)) {
            JoinGroupRequest join = new JoinGroupRequest().setGroupId(group).setSessionTimeoutMs(10_000)
                    .setRebalanceTimeoutMs(30_000).setMemberId("").setProtocolType("consumer");
            join.protocols().add(new JoinGroupRequest.JoinGroupRequestProtocol().setName("range")
                    .setMetadata(ByteBuffer.wrap(new byte[]{0, 0, 0, 0, 0, 1, 0, 4, 'w', 'i', 'r', 'e', -1, -1, -1, -1})));
            JoinGroupResponse joined = c.send(join, (short) 2);
            assertEquals(0, joined.errorCode());
            assertEquals(1, joined.generationId());
            assertEquals("range", joined.protocolName());
            String memberId = joined.memberId();
            assertEquals(memberId, joined.leader());

            SyncGroupRequest sync = new SyncGroupRequest().setGroupId(group).setGenerationId(1).setMemberId(memberId);
            sync.assignments().add(new SyncGroupRequest.SyncGroupRequestAssignment().setMemberId(memberId)
                    .setAssignment(ByteBuffer.wrap(new byte[]{1, 2, 3})));
            SyncGroupResponse synced = c.send(sync, (short) 1);
            assertEquals(0, synced.errorCode());
            assertEquals(3, synced.assignment().remaining());

            HeartbeatResponse hb = c.send(new HeartbeatRequest().setGroupId(group).setGenerationId(1).setMemberId(memberId), (short) 1);
            assertEquals(0, hb.errorCode());

            OffsetCommitRequest commit = new OffsetCommitRequest().setGroupId(group).setGenerationIdOrMemberEpoch(1)
                    .setMemberId(memberId).setRetentionTimeMs(-1L);
            commit.topics().add(commitOf("wire", 17L, "py"));
            commit.topics().add(commitOf("no-such-topic", 1L, ""));
            OffsetCommitResponse committed = c.send(commit, (short) 2);
            assertEquals(0, committed.topics().get(0).partitions().get(0).errorCode());
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), committed.topics().get(1).partitions().get(0).errorCode());

            OffsetFetchRequest fetch = new OffsetFetchRequest().setGroupId(group);
            fetch.topics().add(new OffsetFetchRequest.OffsetFetchRequestTopic().setName("wire").setPartitionIndexes(List.of(0)));
            OffsetFetchResponse fetched = c.send(fetch, (short) 1);
            OffsetFetchResponse.OffsetFetchResponsePartition p = fetched.topics().get(0).partitions().get(0);
            assertEquals(17L, p.committedOffset());
            assertEquals("py", p.metadata());

            ListGroupsResponse listed = c.send(new ListGroupsRequest(), (short) 0);
            assertTrue(listed.groups().stream().anyMatch(g -> g.groupId().equals(group)));
            DescribeGroupsResponse described = c.send(new DescribeGroupsRequest().setGroups(List.of(group)), (short) 0);
            assertEquals("Stable", described.groups().get(0).groupState());

            LeaveGroupRequest leave = new LeaveGroupRequest().setGroupId(group).setMemberId(memberId);
            LeaveGroupResponse left = c.send(leave, (short) 1);
            assertEquals(0, left.errorCode());
            left = c.send(leave, (short) 1);
            assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), left.errorCode());
        }
    }

    @Test
    void requestsToABrokerThatIsNotTheCoordinator() throws Exception {
        String group = "elsewhere";
        int coordinator = coordinatorOf(group);
        try (BrokerConnection c = connect(1 - coordinator)) {
            OffsetCommitRequest commit = new OffsetCommitRequest().setGroupId(group).setMemberId("");
            commit.topics().add(commitOf("wire", 1L, ""));
            OffsetCommitResponse committed = c.send(commit, (short) 8);
            assertEquals(Errors.NOT_COORDINATOR.code(), committed.topics().get(0).partitions().get(0).errorCode());
            OffsetFetchResponse fetched = c.send(new OffsetFetchRequest().setGroupId(group).setTopics(null), (short) 7);
            assertEquals(Errors.NOT_COORDINATOR.code(), fetched.errorCode());
            HeartbeatResponse hb = c.send(new HeartbeatRequest().setGroupId(group).setGenerationId(1).setMemberId("m"), (short) 4);
            assertEquals(Errors.NOT_COORDINATOR.code(), hb.errorCode());
        }
    }

    @Test
    void batchedLookupsAndTransactionalKeys() throws Exception {
        coordinatorOf("a");
        try (BrokerConnection c = connect(0)) {
            FindCoordinatorResponse r = c.send(new FindCoordinatorRequest().setKeyType((byte) 0)
                    .setCoordinatorKeys(List.of("a", "b", "c")), (short) 4);
            assertEquals(3, r.coordinators().size());
            for (FindCoordinatorResponse.Coordinator k : r.coordinators()) {
                assertEquals(0, k.errorCode());
                assertNotEquals(-1, k.nodeId());
            }
            FindCoordinatorResponse txn = c.send(new FindCoordinatorRequest().setKey("tx").setKeyType((byte) 1), (short) 1);
            assertEquals(Errors.UNSUPPORTED_VERSION.code(), txn.errorCode());
        }
        // OffsetFetch v8: several groups in one request, each answered by its coordinator's rules.
        String group = "batched";
        int coordinator = coordinatorOf(group);
        try (BrokerConnection c = connect(coordinator)) {
            OffsetFetchRequest fetch = new OffsetFetchRequest();
            fetch.groups().add(new OffsetFetchRequest.OffsetFetchRequestGroup().setGroupId(group).setTopics(null));
            OffsetFetchResponse r = c.send(fetch, (short) 8);
            assertEquals(1, r.groups().size());
            assertEquals(0, r.groups().get(0).errorCode());
            assertTrue(r.groups().get(0).topics().isEmpty());

            JoinGroupRequest join = new JoinGroupRequest().setGroupId(group).setSessionTimeoutMs(10_000)
                    .setRebalanceTimeoutMs(30_000).setMemberId("").setProtocolType("consumer");
            join.protocols().add(new JoinGroupRequest.JoinGroupRequestProtocol().setName("range").setMetadata(ByteBuffer.wrap(new byte[0])));
            JoinGroupResponse first = c.send(join, (short) 9);
            assertEquals(Errors.MEMBER_ID_REQUIRED.code(), first.errorCode());
            join.setMemberId(first.memberId());
            JoinGroupResponse joined = c.send(join, (short) 9);
            assertEquals(0, joined.errorCode());
            assertEquals("consumer", joined.protocolType());

            DeleteGroupsResponse delete = c.send(new DeleteGroupsRequest().setGroupsNames(List.of(group, "ghost")), (short) 2);
            assertEquals(Errors.NON_EMPTY_GROUP.code(), delete.results().get(0).errorCode());
            OffsetDeleteRequest offsetDelete = new OffsetDeleteRequest().setGroupId("ghost");
            OffsetDeleteRequest.OffsetDeleteRequestTopic topic = new OffsetDeleteRequest.OffsetDeleteRequestTopic().setName("wire");
            topic.partitions().add(new OffsetDeleteRequest.OffsetDeleteRequestPartition().setPartitionIndex(0));
            offsetDelete.topics().add(topic);
            // "ghost" may live on the other broker; either way it is not a group here.
            OffsetDeleteResponse deleted = c.send(offsetDelete, (short) 0);
            short err = deleted.errorCode();
            assertTrue(err == Errors.GROUP_ID_NOT_FOUND.code() || err == Errors.NOT_COORDINATOR.code(), "error " + err);
        }
    }
}
