package io.samsa.clients.consumer;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Cluster;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts the assignor API's values between Samsa's classes and kafka-clients' (the oracle), so
 * a test can feed the same input to both. Stateless; thread-safe.
 */
public final class KafkaAssignorTypes {

    private KafkaAssignorTypes() {
    }

    public static org.apache.kafka.common.TopicPartition toKafka(TopicPartition tp) {
        return new org.apache.kafka.common.TopicPartition(tp.topic(), tp.partition());
    }

    public static TopicPartition fromKafka(org.apache.kafka.common.TopicPartition tp) {
        return new TopicPartition(tp.topic(), tp.partition());
    }

    public static List<org.apache.kafka.common.TopicPartition> toKafka(List<TopicPartition> tps) {
        return tps.stream().map(KafkaAssignorTypes::toKafka).toList();
    }

    public static List<TopicPartition> fromKafka(List<org.apache.kafka.common.TopicPartition> tps) {
        return tps.stream().map(KafkaAssignorTypes::fromKafka).toList();
    }

    private static ByteBuffer copy(ByteBuffer b) {
        return b == null ? null : ByteBuffer.wrap(bytes(b));
    }

    /** The bytes from the buffer's position to its limit, without moving it. */
    public static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    public static org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription toKafka(Subscription s) {
        var k = new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription(
            new ArrayList<>(s.topics()), copy(s.userData()), new ArrayList<>(toKafka(s.ownedPartitions())),
            s.generationId().orElse(-1), s.rackId());
        k.setGroupInstanceId(s.groupInstanceId());
        return k;
    }

    public static Subscription fromKafka(org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription k) {
        Subscription s = new Subscription(k.topics(), copy(k.userData()), fromKafka(k.ownedPartitions()),
            k.generationId().orElse(-1), k.rackId());
        s.setGroupInstanceId(k.groupInstanceId());
        return s;
    }

    public static org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment toKafka(Assignment a) {
        return new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment(
            new ArrayList<>(toKafka(a.partitions())), copy(a.userData()));
    }

    public static Assignment fromKafka(org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment k) {
        return new Assignment(fromKafka(k.partitions()), copy(k.userData()));
    }

    public static org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription toKafkaGroup(
            Map<String, Subscription> subscriptions) {
        Map<String, org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription> k = new HashMap<>();
        subscriptions.forEach((m, s) -> k.put(m, toKafka(s)));
        return new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription(k);
    }

    /** Each member's partitions from a Kafka group assignment. */
    public static Map<String, List<TopicPartition>> fromKafkaGroup(
            org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment k) {
        Map<String, List<TopicPartition>> out = new LinkedHashMap<>();
        k.groupAssignment().forEach((m, a) -> out.put(m, fromKafka(a.partitions())));
        return out;
    }

    /** Each member's partitions from a Samsa group assignment. */
    public static Map<String, List<TopicPartition>> partitionsOf(ConsumerPartitionAssignor.GroupAssignment a) {
        Map<String, List<TopicPartition>> out = new LinkedHashMap<>();
        a.groupAssignment().forEach((m, x) -> out.put(m, x.partitions()));
        return out;
    }

    private static org.apache.kafka.common.Node toKafka(Node n) {
        return new org.apache.kafka.common.Node(n.id(), n.host(), n.port(), n.rack());
    }

    private static org.apache.kafka.common.Node[] toKafka(Node[] nodes) {
        org.apache.kafka.common.Node[] out = new org.apache.kafka.common.Node[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            out[i] = toKafka(nodes[i]);
        }
        return out;
    }

    /** The same brokers and partitions (with replicas and racks) as a Kafka cluster. */
    public static org.apache.kafka.common.Cluster toKafka(Cluster c) {
        List<org.apache.kafka.common.PartitionInfo> partitions = new ArrayList<>();
        for (String topic : c.topics()) {
            for (PartitionInfo p : c.partitionsForTopic(topic)) {
                partitions.add(new org.apache.kafka.common.PartitionInfo(p.topic(), p.partition(),
                    p.leader() == null ? null : toKafka(p.leader()), toKafka(p.replicas()), toKafka(p.inSyncReplicas()),
                    toKafka(p.offlineReplicas())));
            }
        }
        return new org.apache.kafka.common.Cluster(c.clusterId(), c.nodes().stream().map(KafkaAssignorTypes::toKafka).toList(),
            partitions, Set.of(), Set.of());
    }

    /** The subscription a member at {@code generation} with these owned partitions and rack sends. */
    public static Subscription subscription(List<String> topics, ByteBuffer userData, List<TopicPartition> owned,
                                            int generation, String rack) {
        return new Subscription(topics, userData, owned, generation, Optional.ofNullable(rack));
    }
}
