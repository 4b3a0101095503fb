package io.samsa.core.admin;

import io.samsa.core.controller.ControllerTestCluster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.BrokerRegistration;
import io.samsa.zk.EndPoint;
import io.samsa.zk.TopicAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/** Validation and ZooKeeper writes of {@link TopicAdmin}, against registered brokers and no controller. */
@Timeout(60)
class TopicAdminTest {

    private ControllerTestCluster cluster;
    private final List<BrokerRegistration> registrations = new ArrayList<>();
    private TopicAdmin admin;

    @BeforeEach
    void setUp() throws Exception {
        cluster = new ControllerTestCluster();
        for (int id = 1; id <= 3; id++) {
            BrokerRegistration r = new BrokerRegistration(cluster.admin,
                    BrokerInfo.forRegistration(id, List.of(EndPoint.plaintext("127.0.0.1", 19_000 + id)), null, 0L));
            r.start();
            assertTrue(r.awaitRegistered(10, TimeUnit.SECONDS));
            registrations.add(r);
        }
        admin = new TopicAdmin(cluster.admin, new ReplicaAssignor(new Random(3)));
    }

    @AfterEach
    void tearDown() throws Exception {
        registrations.forEach(BrokerRegistration::close);
        cluster.close();
    }

    private static void assertError(Errors expected, Executable call) {
        assertEquals(expected, assertThrows(AdminException.class, call).error());
    }

    @Test
    void createsATopicWithAnAssignmentOverTheRegisteredBrokersAndItsConfig() {
        TopicAssignment t = admin.createTopic("events", 6, 3, Map.of("cleanup.policy", "compact"), false);
        assertEquals(6, t.partitionCount());
        t.partitions().values().forEach(r -> assertEquals(3, r.stream().distinct().count()));
        assertEquals(t, cluster.admin.topics().get("events", null).orElseThrow().value());
        assertEquals(Map.of("cleanup.policy", "compact"), cluster.admin.configs().topicConfig("events"));
        assertError(Errors.TOPIC_ALREADY_EXISTS, () -> admin.createTopic("events", 1, 1, Map.of(), false));
    }

    @Test
    void validateOnlyWritesNothing() {
        TopicAssignment t = admin.createTopic("dry", 2, 2, Map.of(), true);
        assertEquals(2, t.partitionCount());
        assertFalse(admin.topicExists("dry"));
    }

    @Test
    void rejectsBadCountsNamesAndAssignments() {
        assertError(Errors.INVALID_PARTITIONS, () -> admin.createTopic("a", 0, 1, Map.of(), false));
        assertError(Errors.INVALID_REPLICATION_FACTOR, () -> admin.createTopic("a", 1, 4, Map.of(), false));
        assertError(Errors.INVALID_TOPIC_EXCEPTION, () -> admin.createTopic("", 1, 1, Map.of(), false));
        assertError(Errors.INVALID_TOPIC_EXCEPTION, () -> admin.createTopic("..", 1, 1, Map.of(), false));
        assertError(Errors.INVALID_TOPIC_EXCEPTION, () -> admin.createTopic("bad/name", 1, 1, Map.of(), false));
        assertError(Errors.INVALID_TOPIC_EXCEPTION, () -> admin.createTopic("x".repeat(250), 1, 1, Map.of(), false));
        admin.createTopic("a.b", 1, 1, Map.of(), false);
        AdminException collision = assertThrows(AdminException.class, () -> admin.createTopic("a_b", 1, 1, Map.of(), false));
        assertEquals(Errors.INVALID_TOPIC_EXCEPTION, collision.error());
        assertEquals("Topic 'a_b' collides with existing topic: a.b", collision.getMessage());

        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createTopic("m", Map.of(0, List.of(1), 2, List.of(2)), Map.of(), false));
        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createTopic("m", Map.of(0, List.of(1, 1)), Map.of(), false));
        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createTopic("m", Map.of(0, List.of(1, 9)), Map.of(), false));
        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createTopic("m", Map.of(0, List.of(1, 2), 1, List.of(3)), Map.of(), false));
        assertFalse(admin.topicExists("m"));
    }

    @Test
    void growsTopicsWithKafkasChecks() {
        admin.createTopic("g", Map.of(0, List.of(1, 2), 1, List.of(2, 3)), Map.of(), false);
        assertError(Errors.UNKNOWN_TOPIC_OR_PARTITION, () -> admin.createPartitions("nope", 3, null, false));
        assertError(Errors.INVALID_PARTITIONS, () -> admin.createPartitions("g", 2, null, false));
        assertError(Errors.INVALID_PARTITIONS, () -> admin.createPartitions("g", 1, null, false));
        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createPartitions("g", 4, List.of(List.of(1, 2)), false));
        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createPartitions("g", 3, List.of(List.of(1)), false));
        assertError(Errors.INVALID_REPLICA_ASSIGNMENT, () -> admin.createPartitions("g", 3, List.of(List.of(1, 7)), false));

        TopicAssignment grown = admin.createPartitions("g", 5, null, false);
        assertEquals(5, grown.partitionCount());
        assertEquals(List.of(1, 2), grown.partitions().get(0), "existing partitions keep their replicas");
        grown.partitions().values().forEach(r -> assertEquals(2, r.stream().distinct().count()));
        assertEquals(grown, cluster.admin.topics().get("g", null).orElseThrow().value());

        admin.deleteTopic("g");
        assertTrue(cluster.admin.topics().isMarkedForDeletion("g"));
        assertError(Errors.INVALID_TOPIC_EXCEPTION, () -> admin.createPartitions("g", 6, null, false));
        assertError(Errors.TOPIC_ALREADY_EXISTS, () -> admin.createTopic("g", 1, 1, Map.of(), false));
        assertError(Errors.UNKNOWN_TOPIC_OR_PARTITION, () -> admin.deleteTopic("never"));
    }
}
