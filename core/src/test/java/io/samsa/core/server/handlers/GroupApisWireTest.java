package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.BrokerConnection;
import io.samsa.core.test.SamsaCluster;
import io.samsa.core.test.TestUtils;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
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

    private static SamsaCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = SamsaCluster.start(2, Map.of("group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "4"));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("wire", 1, (short) 1))).all().get();
        }
        cluster.waitForTopic("wire", 1);
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    private static BrokerConnection connect(int broker) throws IOException {
        return new BrokerConnection("127.0.0.1", cluster.port(broker), "wire-test", 30_000);
    }

    private static Struct request(ApiKeys api) {
        return new Struct(api.requestSpec().root());
    }

    /** FindCoordinator v0 until the offsets topic exists and has a leader; returns the coordinator id. */
    private static int coordinatorOf(String group) throws IOException {
        int[] node = {-1};
        try (BrokerConnection c = connect(0)) {
            TestUtils.waitUntil("a coordinator for " + group, Duration.ofSeconds(30), () -> {
                try {
                    Struct r = c.send(ApiKeys.FIND_COORDINATOR, (short) 0, request(ApiKeys.FIND_COORDINATOR).set("key", group));
                    if (r.getShort("error_code") != 0) {
                        assertEquals(Errors.COORDINATOR_NOT_AVAILABLE.code(), r.getShort("error_code"));
                        return false;
                    }
                    node[0] = r.getInt("node_id");
                    assertEquals(cluster.port(node[0]), r.getInt("port"));
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
            Struct join = request(ApiKeys.JOIN_GROUP).set("group_id", group).set("session_timeout_ms", 10_000)
                    .set("rebalance_timeout_ms", 30_000).set("member_id", "").set("protocol_type", "consumer");
            join.addElement("protocols").set("name", "range").set("metadata", new byte[]{0, 0, 0, 0, 0, 1, 0, 4, 'w', 'i', 'r', 'e', -1, -1, -1, -1});
            Struct joined = c.send(ApiKeys.JOIN_GROUP, (short) 2, join);
            assertEquals(0, joined.getShort("error_code"));
            assertEquals(1, joined.getInt("generation_id"));
            assertEquals("range", joined.getString("protocol_name"));
            String memberId = joined.getString("member_id");
            assertEquals(memberId, joined.getString("leader"));

            Struct sync = request(ApiKeys.SYNC_GROUP).set("group_id", group).set("generation_id", 1).set("member_id", memberId);
            sync.addElement("assignments").set("member_id", memberId).set("assignment", new byte[]{1, 2, 3});
            Struct synced = c.send(ApiKeys.SYNC_GROUP, (short) 1, sync);
            assertEquals(0, synced.getShort("error_code"));
            assertEquals(3, synced.getBytes("assignment").remaining());

            Struct hb = c.send(ApiKeys.HEARTBEAT, (short) 1, request(ApiKeys.HEARTBEAT).set("group_id", group)
                    .set("generation_id", 1).set("member_id", memberId));
            assertEquals(0, hb.getShort("error_code"));

            Struct commit = request(ApiKeys.OFFSET_COMMIT).set("group_id", group).set("generation_id_or_member_epoch", 1)
                    .set("member_id", memberId).set("retention_time_ms", -1L);
            commit.addElement("topics").set("name", "wire").addElement("partitions").set("partition_index", 0)
                    .set("committed_offset", 17L).set("committed_metadata", "py");
            commit.addElement("topics").set("name", "no-such-topic").addElement("partitions").set("partition_index", 0)
                    .set("committed_offset", 1L).set("committed_metadata", "");
            Struct committed = c.send(ApiKeys.OFFSET_COMMIT, (short) 2, commit);
            assertEquals(0, committed.getStructArray("topics").get(0).getStructArray("partitions").get(0).getShort("error_code"));
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(),
                    committed.getStructArray("topics").get(1).getStructArray("partitions").get(0).getShort("error_code"));

            Struct fetch = request(ApiKeys.OFFSET_FETCH).set("group_id", group);
            fetch.addElement("topics").set("name", "wire").set("partition_indexes", List.of(0));
            Struct fetched = c.send(ApiKeys.OFFSET_FETCH, (short) 1, fetch);
            Struct p = fetched.getStructArray("topics").get(0).getStructArray("partitions").get(0);
            assertEquals(17L, p.getLong("committed_offset"));
            assertEquals("py", p.getString("metadata"));

            Struct listed = c.send(ApiKeys.LIST_GROUPS, (short) 0, request(ApiKeys.LIST_GROUPS));
            assertTrue(listed.getStructArray("groups").stream().anyMatch(g -> g.getString("group_id").equals(group)));
            Struct described = c.send(ApiKeys.DESCRIBE_GROUPS, (short) 0, request(ApiKeys.DESCRIBE_GROUPS).set("groups", List.of(group)));
            assertEquals("Stable", described.getStructArray("groups").get(0).getString("group_state"));

            Struct left = c.send(ApiKeys.LEAVE_GROUP, (short) 1, request(ApiKeys.LEAVE_GROUP).set("group_id", group).set("member_id", memberId));
            assertEquals(0, left.getShort("error_code"));
            left = c.send(ApiKeys.LEAVE_GROUP, (short) 1, request(ApiKeys.LEAVE_GROUP).set("group_id", group).set("member_id", memberId));
            assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), left.getShort("error_code"));
        }
    }

    @Test
    void requestsToABrokerThatIsNotTheCoordinator() throws Exception {
        String group = "elsewhere";
        int coordinator = coordinatorOf(group);
        try (BrokerConnection c = connect(1 - coordinator)) {
            Struct commit = request(ApiKeys.OFFSET_COMMIT).set("group_id", group).set("member_id", "");
            commit.addElement("topics").set("name", "wire").addElement("partitions").set("partition_index", 0)
                    .set("committed_offset", 1L).set("committed_metadata", "");
            Struct committed = c.send(ApiKeys.OFFSET_COMMIT, (short) 8, commit);
            assertEquals(Errors.NOT_COORDINATOR.code(),
                    committed.getStructArray("topics").get(0).getStructArray("partitions").get(0).getShort("error_code"));
            Struct fetched = c.send(ApiKeys.OFFSET_FETCH, (short) 7, request(ApiKeys.OFFSET_FETCH).set("group_id", group).set("topics", null));
            assertEquals(Errors.NOT_COORDINATOR.code(), fetched.getShort("error_code"));
            Struct hb = c.send(ApiKeys.HEARTBEAT, (short) 4, request(ApiKeys.HEARTBEAT).set("group_id", group)
                    .set("generation_id", 1).set("member_id", "m"));
            assertEquals(Errors.NOT_COORDINATOR.code(), hb.getShort("error_code"));
        }
    }

    @Test
    void batchedLookupsAndTransactionalKeys() throws Exception {
        coordinatorOf("a");
        try (BrokerConnection c = connect(0)) {
            Struct r = c.send(ApiKeys.FIND_COORDINATOR, (short) 4, request(ApiKeys.FIND_COORDINATOR).set("key_type", (byte) 0)
                    .set("coordinator_keys", List.of("a", "b", "c")));
            assertEquals(3, r.getStructArray("coordinators").size());
            for (Struct k : r.getStructArray("coordinators")) {
                assertEquals(0, k.getShort("error_code"));
                assertNotEquals(-1, k.getInt("node_id"));
            }
            Struct txn = c.send(ApiKeys.FIND_COORDINATOR, (short) 1, request(ApiKeys.FIND_COORDINATOR).set("key", "tx")
                    .set("key_type", (byte) 1));
            assertEquals(Errors.UNSUPPORTED_VERSION.code(), txn.getShort("error_code"));
        }
        // OffsetFetch v8: several groups in one request, each answered by its coordinator's rules.
        String group = "batched";
        int coordinator = coordinatorOf(group);
        try (BrokerConnection c = connect(coordinator)) {
            Struct fetch = request(ApiKeys.OFFSET_FETCH);
            fetch.addElement("groups").set("group_id", group).set("topics", null);
            Struct r = c.send(ApiKeys.OFFSET_FETCH, (short) 8, fetch);
            assertEquals(1, r.getStructArray("groups").size());
            assertEquals(0, r.getStructArray("groups").get(0).getShort("error_code"));
            assertTrue(r.getStructArray("groups").get(0).getStructArray("topics").isEmpty());

            Struct join = request(ApiKeys.JOIN_GROUP).set("group_id", group).set("session_timeout_ms", 10_000)
                    .set("rebalance_timeout_ms", 30_000).set("member_id", "").set("protocol_type", "consumer");
            join.addElement("protocols").set("name", "range").set("metadata", new byte[0]);
            Struct first = c.send(ApiKeys.JOIN_GROUP, (short) 9, join);
            assertEquals(Errors.MEMBER_ID_REQUIRED.code(), first.getShort("error_code"));
            join.set("member_id", first.getString("member_id"));
            Struct joined = c.send(ApiKeys.JOIN_GROUP, (short) 9, join);
            assertEquals(0, joined.getShort("error_code"));
            assertEquals("consumer", joined.getString("protocol_type"));

            Struct delete = c.send(ApiKeys.DELETE_GROUPS, (short) 2, request(ApiKeys.DELETE_GROUPS).set("groups_names", List.of(group, "ghost")));
            assertEquals(Errors.NON_EMPTY_GROUP.code(), delete.getStructArray("results").get(0).getShort("error_code"));
            Struct offsetDelete = request(ApiKeys.OFFSET_DELETE).set("group_id", "ghost");
            offsetDelete.addElement("topics").set("name", "wire").addElement("partitions").set("partition_index", 0);
            // "ghost" may live on the other broker; either way it is not a group here.
            short err = c.send(ApiKeys.OFFSET_DELETE, (short) 0, offsetDelete).getShort("error_code");
            assertTrue(err == Errors.GROUP_ID_NOT_FOUND.code() || err == Errors.NOT_COORDINATOR.code(), "error " + err);
        }
    }
}
