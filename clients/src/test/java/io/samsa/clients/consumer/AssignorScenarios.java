package io.samsa.clients.consumer;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Cluster;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Random and hand-made assignor inputs for tests: clusters of brokers (with or without racks) and
 * topics, and group members with subscriptions, static instance ids and racks. Not thread-safe.
 */
public final class AssignorScenarios {

    static final String[] RACKS = {"a", "b", "c"};

    private final Random random;

    public AssignorScenarios(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /** A cluster of {@code topicCount} topics of 1 to {@code maxPartitions} partitions, replicas on random brokers. */
    public Cluster randomCluster(int topicCount, int maxPartitions, boolean racks) {
        List<Node> brokers = new ArrayList<>();
        int brokerCount = 1 + random.nextInt(6);
        for (int i = 0; i < brokerCount; i++) {
            String rack = racks && random.nextInt(8) != 0 ? RACKS[i % RACKS.length] : null;
            brokers.add(new Node(i, "broker" + i, 9092, rack));
        }
        Map<String, Integer> topics = new TreeMap<>();
        for (int t = 0; t < topicCount; t++) {
            topics.put("topic" + t, 1 + random.nextInt(maxPartitions));
        }
        return cluster(brokers, topics, random.nextInt(6) == 0 ? brokerCount : 1 + random.nextInt(Math.min(3, brokerCount)));
    }

    /** A cluster where each partition has {@code replicas} replicas on consecutive brokers (random start). */
    public Cluster cluster(List<Node> brokers, Map<String, Integer> partitionsPerTopic, int replicas) {
        List<PartitionInfo> partitions = new ArrayList<>();
        partitionsPerTopic.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                int start = random.nextInt(brokers.size());
                Node[] nodes = new Node[replicas];
                for (int r = 0; r < replicas; r++) {
                    nodes[r] = brokers.get((start + r) % brokers.size());
                }
                partitions.add(new PartitionInfo(topic, p, nodes[0], nodes, nodes));
            }
        });
        return new Cluster("cluster", brokers, partitions, Set.of(), Set.of());
    }

    /** A cluster without racks: one broker, the given topics. */
    public static Cluster plainCluster(Map<String, Integer> partitionsPerTopic) {
        List<Node> brokers = List.of(new Node(0, "broker0", 9092));
        List<PartitionInfo> partitions = new ArrayList<>();
        Node[] replicas = brokers.toArray(new Node[0]);
        partitionsPerTopic.forEach((topic, count) -> {
            for (int p = 0; p < count; p++) {
                partitions.add(new PartitionInfo(topic, p, brokers.get(0), replicas, replicas));
            }
        });
        return new Cluster("cluster", brokers, partitions, Set.of(), Set.of());
    }

    /**
     * Members with random subscriptions to the cluster's topics (all the same ones when
     * {@code uniform}), sometimes a topic the cluster lacks, some static, some with racks.
     */
    public Map<String, Subscription> randomMembers(Cluster cluster, int memberCount, boolean uniform, boolean racks) {
        List<String> topics = new ArrayList<>(new TreeMap<>(topicsOf(cluster)).keySet());
        List<String> shared = randomTopics(topics);
        Map<String, Subscription> members = new HashMap<>();
        Set<String> instanceIds = new HashSet<>();
        for (int i = 0; i < memberCount; i++) {
            String id = "consumer-" + random.nextInt(1000) + "-" + i;
            List<String> mine = uniform ? shared : randomTopics(topics);
            String rack = racks && random.nextInt(5) != 0 ? (random.nextInt(10) == 0 ? "elsewhere" : RACKS[random.nextInt(RACKS.length)]) : null;
            Subscription s = new Subscription(mine, null, List.of(), -1, Optional.ofNullable(rack));
            if (random.nextInt(3) == 0) {
                String instance = "instance-" + random.nextInt(100);
                if (instanceIds.add(instance)) {
                    s.setGroupInstanceId(Optional.of(instance));
                }
            }
            members.put(id, s);
        }
        return members;
    }

    private List<String> randomTopics(List<String> topics) {
        List<String> out = new ArrayList<>();
        for (String t : topics) {
            if (random.nextInt(3) != 0) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            out.add(topics.get(random.nextInt(topics.size())));
        }
        if (random.nextInt(10) == 0) {
            out.add("missing-topic");
        }
        return out;
    }

    static Map<String, Integer> topicsOf(Cluster cluster) {
        Map<String, Integer> out = new HashMap<>();
        for (String t : cluster.topics()) {
            out.put(t, cluster.partitionCountForTopic(t));
        }
        return out;
    }

    /** Every partition of the topics some member subscribes to that the cluster knows. */
    public static Set<TopicPartition> subscribedPartitions(Cluster cluster, Collection<Subscription> subscriptions) {
        Set<TopicPartition> out = new HashSet<>();
        for (Subscription s : subscriptions) {
            for (String t : s.topics()) {
                for (PartitionInfo p : cluster.partitionsForTopic(t)) {
                    out.add(new TopicPartition(t, p.partition()));
                }
            }
        }
        return out;
    }
}
