package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.KafkaAssignorTypes.fromKafkaGroup;
import static io.samsa.clients.consumer.KafkaAssignorTypes.partitionsOf;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafka;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafkaGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Cluster;
import io.samsa.common.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The round-robin assignor gives exactly Kafka's assignment, list order included. */
class RoundRobinAssignorTest {

    @Test
    void nameIsKafkas() {
        assertEquals(new org.apache.kafka.clients.consumer.RoundRobinAssignor().name(), new RoundRobinAssignor().name());
    }

    /** Kafka's documented example: subscriptions t0; t0, t1; t0, t1, t2 with 1, 2, 3 partitions. */
    @Test
    void skipsMembersNotSubscribedToThePartitionsTopic() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t0", 1, "t1", 2, "t2", 3));
        Map<String, Subscription> members = Map.of(
            "C0", new Subscription(List.of("t0")),
            "C1", new Subscription(List.of("t0", "t1")),
            "C2", new Subscription(List.of("t0", "t1", "t2")));
        Map<String, List<TopicPartition>> result =
            partitionsOf(new RoundRobinAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(List.of(new TopicPartition("t0", 0)), result.get("C0"));
        assertEquals(List.of(new TopicPartition("t1", 0)), result.get("C1"));
        assertEquals(List.of(new TopicPartition("t1", 1), new TopicPartition("t2", 0), new TopicPartition("t2", 1),
            new TopicPartition("t2", 2)), result.get("C2"));
    }

    @Test
    void sameAssignmentAsKafkaOnRandomGroups() {
        AssignorScenarios scenarios = new AssignorScenarios(21);
        for (int i = 0; i < 600; i++) {
            Cluster cluster = scenarios.randomCluster(1 + scenarios.random().nextInt(6), 12, false);
            boolean uniform = scenarios.random().nextBoolean();
            Map<String, Subscription> members =
                scenarios.randomMembers(cluster, 1 + scenarios.random().nextInt(8), uniform, false);
            Map<String, List<TopicPartition>> ours =
                new TreeMap<>(partitionsOf(new RoundRobinAssignor().assign(cluster, new GroupSubscription(members))));
            Map<String, List<TopicPartition>> kafka = new TreeMap<>(fromKafkaGroup(
                new org.apache.kafka.clients.consumer.RoundRobinAssignor().assign(toKafka(cluster), toKafkaGroup(members))));
            assertEquals(kafka, ours, () -> "cluster " + cluster + "\nmembers " + members);
        }
    }
}
