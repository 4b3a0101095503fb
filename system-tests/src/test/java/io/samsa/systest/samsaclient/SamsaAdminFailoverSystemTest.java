package io.samsa.systest.samsaclient;

import io.samsa.clients.admin.Admin;
import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.NewTopic;
import io.samsa.clients.admin.OffsetSpec;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.systest.harness.BrokerKind;
import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Samsa's Admin client riding out the loss of the broker that is at once the controller, a
 * group's coordinator and a partition's leader (SIGKILL, on three brokers): with the metadata it
 * had before, each kind of call (to the controller, to a coordinator, to a leader) succeeds within
 * its default timeout once the cluster has recovered, by retrying and finding the new broker. Against
 * Samsa and against Kafka 3.9.1.
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SamsaAdminFailoverSystemTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void callsFindTheNewControllerCoordinatorAndLeader(BrokerKind kind) throws Exception {
        try (ClientSuiteDeployment d = new ClientSuiteDeployment(kind, 3, "admin-failover")) {
            Properties p = new Properties();
            p.put("bootstrap.servers", d.bootstrap());
            try (Admin admin = Admin.create(p)) {
                int controller = get(admin.describeCluster().controller()).id();
                List<Integer> others = new ArrayList<>(d.broker.brokerIds());
                others.remove(Integer.valueOf(controller));

                // A partition led by the controller, and a group it coordinates.
                TopicPartition tp = new TopicPartition("failover-before", 0);
                get(admin.createTopics(List.of(new NewTopic(tp.topic(), Map.of(0, List.of(controller, others.get(0),
                        others.get(1)))))).all());
                Wait.until("a leader for " + tp, WAIT, () -> leader(admin, tp.topic()) == controller);
                String group = groupCoordinatedBy(admin, controller);
                get(admin.alterConsumerGroupOffsets(group, Map.of(tp, new OffsetAndMetadata(0))).all());

                d.broker.kill9(controller);

                get(admin.createTopics(List.of(new NewTopic("failover-after", 1, (short) 2))).all());
                assertEquals(Map.of(tp, new OffsetAndMetadata(0)), get(admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()).entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                                e -> new OffsetAndMetadata(e.getValue().offset()))));
                assertEquals(0, get(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)).offset());
                assertNotEquals(controller, leader(admin, tp.topic()));
                Node newController = get(admin.describeCluster().controller());
                assertNotEquals(controller, newController.id());
            }
        }
    }

    private static int leader(Admin admin, String topic) {
        TopicDescription t = admin.describeTopics(List.of(topic)).allTopicNames().join().get(topic);
        Node leader = t.partitions().get(0).leader();
        return leader == null ? -1 : leader.id();
    }

    /** A group id whose coordinator is {@code brokerId} (groups spread over __consumer_offsets' partitions). */
    private static String groupCoordinatedBy(Admin admin, int brokerId) throws Exception {
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            candidates.add("failover-group-" + i);
        }
        Map<String, ConsumerGroupDescription> described = get(admin.describeConsumerGroups(candidates).all());
        return candidates.stream().filter(g -> described.get(g).coordinator().id() == brokerId).findFirst()
                .orElseThrow(() -> new AssertionError("no group coordinated by broker " + brokerId));
    }
}
