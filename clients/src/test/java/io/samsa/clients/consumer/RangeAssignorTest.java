package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.KafkaAssignorTypes.fromKafkaGroup;
import static io.samsa.clients.consumer.KafkaAssignorTypes.partitionsOf;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafka;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafkaGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Cluster;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The range assignor gives exactly Kafka's assignment, with and without racks. */
class RangeAssignorTest {

    @Test
    void nameIsKafkas() {
        assertEquals("range", new RangeAssignor().name());
        assertEquals(new org.apache.kafka.clients.consumer.RangeAssignor().name(), new RangeAssignor().name());
    }

    @Test
    void dealsContiguousRangesPerTopicFirstMembersGettingTheRemainder() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t0", 3, "t1", 3));
        Map<String, Subscription> members = Map.of(
            "C0", new Subscription(List.of("t0", "t1")), "C1", new Subscription(List.of("t1", "t0")));
        Map<String, List<TopicPartition>> result = partitionsOf(new RangeAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(List.of(tp("t0", 0), tp("t0", 1), tp("t1", 0), tp("t1", 1)), result.get("C0"));
        assertEquals(List.of(tp("t0", 2), tp("t1", 2)), result.get("C1"));
    }

    @Test
    void staticMembersComeFirstByInstanceId() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 3));
        Subscription a = new Subscription(List.of("t"));
        Subscription b = new Subscription(List.of("t"));
        b.setGroupInstanceId(Optional.of("instance-1"));
        Map<String, List<TopicPartition>> result =
            partitionsOf(new RangeAssignor().assign(cluster, new GroupSubscription(Map.of("a", a, "b", b))));
        assertEquals(List.of(tp("t", 0), tp("t", 1)), result.get("b"));
        assertEquals(List.of(tp("t", 2)), result.get("a"));
    }

    @Test
    void membersSubscribingToNothingKnownGetAnEmptyAssignment() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 2));
        Map<String, Subscription> members = Map.of("a", new Subscription(List.of("t")), "b", new Subscription(List.of("nope")));
        Map<String, List<TopicPartition>> result = partitionsOf(new RangeAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(List.of(tp("t", 0), tp("t", 1)), result.get("a"));
        assertEquals(List.of(), result.get("b"));
    }

    /** Racks a, b, c; partition p of each topic has its only replica on rack p % 3: members go local. */
    @Test
    void rackAwareAssignmentKeepsCoPartitionedTopicsTogetherOnTheRightRack() {
        List<Node> brokers = List.of(new Node(0, "b0", 9092, "a"), new Node(1, "b1", 9092, "b"), new Node(2, "b2", 9092, "c"));
        List<io.samsa.common.PartitionInfo> partitions = new ArrayList<>();
        for (String topic : List.of("t1", "t2")) {
            for (int p = 0; p < 3; p++) {
                Node[] replicas = {brokers.get(p)};
                partitions.add(new io.samsa.common.PartitionInfo(topic, p, replicas[0], replicas, replicas));
            }
        }
        Cluster cluster = new Cluster("c", brokers, partitions, java.util.Set.of(), java.util.Set.of());
        Map<String, Subscription> members = Map.of(
            "m0", new Subscription(List.of("t1", "t2"), null, List.of(), -1, Optional.of("c")),
            "m1", new Subscription(List.of("t1", "t2"), null, List.of(), -1, Optional.of("a")),
            "m2", new Subscription(List.of("t1", "t2"), null, List.of(), -1, Optional.of("b")));
        Map<String, List<TopicPartition>> result = partitionsOf(new RangeAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(List.of(tp("t1", 2), tp("t2", 2)), result.get("m0"));
        assertEquals(List.of(tp("t1", 0), tp("t2", 0)), result.get("m1"));
        assertEquals(List.of(tp("t1", 1), tp("t2", 1)), result.get("m2"));
        assertSameAsKafka(cluster, members);
    }

    @Test
    void sameAssignmentAsKafkaOnRandomGroupsWithoutRacks() {
        AssignorScenarios scenarios = new AssignorScenarios(11);
        for (int i = 0; i < 400; i++) {
            Cluster cluster = scenarios.randomCluster(1 + scenarios.random().nextInt(6), 12, false);
            boolean uniform = scenarios.random().nextBoolean();
            assertSameAsKafka(cluster, scenarios.randomMembers(cluster, 1 + scenarios.random().nextInt(8), uniform, false));
        }
    }

    @Test
    void sameAssignmentAsKafkaOnRandomGroupsWithRacks() {
        AssignorScenarios scenarios = new AssignorScenarios(12);
        for (int i = 0; i < 800; i++) {
            Cluster cluster = scenarios.randomCluster(1 + scenarios.random().nextInt(6), 12, true);
            boolean uniform = scenarios.random().nextBoolean();
            assertSameAsKafka(cluster, scenarios.randomMembers(cluster, 1 + scenarios.random().nextInt(8), uniform, true));
        }
    }

    /** Kafka lists a member's partitions in topic-map order unless racks are in play; Samsa sorts: compare sorted. */
    static void assertSameAsKafka(Cluster cluster, Map<String, Subscription> members) {
        Map<String, List<TopicPartition>> ours =
            sorted(partitionsOf(new RangeAssignor().assign(cluster, new GroupSubscription(members))));
        Map<String, List<TopicPartition>> kafka = sorted(fromKafkaGroup(
            new org.apache.kafka.clients.consumer.RangeAssignor().assign(toKafka(cluster), toKafkaGroup(members))));
        assertEquals(kafka, ours, () -> "cluster " + cluster + "\nmembers " + members);
    }

    private static Map<String, List<TopicPartition>> sorted(Map<String, List<TopicPartition>> in) {
        Map<String, List<TopicPartition>> out = new TreeMap<>();
        in.forEach((m, l) -> {
            List<TopicPartition> copy = new ArrayList<>(l);
            copy.sort(null);
            out.put(m, copy);
        });
        return out;
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }
}
