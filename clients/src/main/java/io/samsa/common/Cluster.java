package io.samsa.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of the cluster metadata a client knows: brokers, the partitions of the topics it
 * asked about, the controller and the cluster id. Indexed once at construction for the lookups the
 * producer and consumer make per record or per poll. Immutable.
 */
public final class Cluster {

    private final String clusterId;
    private final List<Node> nodes;
    private final Map<Integer, Node> nodesById;
    private final Node controller;
    private final Map<TopicPartition, PartitionInfo> byPartition;
    private final Map<String, List<PartitionInfo>> byTopic;
    private final Map<String, List<PartitionInfo>> availableByTopic;
    private final Map<Integer, List<PartitionInfo>> byLeader;
    private final Map<String, Uuid> topicIds;
    private final Set<String> unauthorizedTopics;
    private final Set<String> internalTopics;

    public Cluster(String clusterId, Collection<Node> nodes, Collection<PartitionInfo> partitions,
                   Set<String> unauthorizedTopics, Set<String> internalTopics) {
        this(clusterId, nodes, partitions, unauthorizedTopics, internalTopics, null, Map.of());
    }

    public Cluster(String clusterId, Collection<Node> nodes, Collection<PartitionInfo> partitions,
                   Set<String> unauthorizedTopics, Set<String> internalTopics, Node controller,
                   Map<String, Uuid> topicIds) {
        this.clusterId = clusterId;
        this.nodes = List.copyOf(nodes);
        Map<Integer, Node> ids = new HashMap<>();
        for (Node n : nodes) {
            ids.put(n.id(), n);
        }
        this.nodesById = Collections.unmodifiableMap(ids);
        this.controller = controller;
        Map<TopicPartition, PartitionInfo> parts = new HashMap<>();
        Map<String, List<PartitionInfo>> topics = new HashMap<>();
        Map<String, List<PartitionInfo>> available = new HashMap<>();
        Map<Integer, List<PartitionInfo>> leaders = new HashMap<>();
        for (PartitionInfo p : partitions) {
            parts.put(new TopicPartition(p.topic(), p.partition()), p);
            topics.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p);
            List<PartitionInfo> avail = available.computeIfAbsent(p.topic(), t -> new ArrayList<>());
            if (p.leader() != null && !p.leader().isEmpty()) {
                avail.add(p);
                leaders.computeIfAbsent(p.leader().id(), id -> new ArrayList<>()).add(p);
            }
        }
        this.byPartition = Collections.unmodifiableMap(parts);
        this.byTopic = freeze(topics);
        this.availableByTopic = freeze(available);
        this.byLeader = freeze(leaders);
        this.topicIds = Map.copyOf(topicIds);
        this.unauthorizedTopics = Set.copyOf(unauthorizedTopics);
        this.internalTopics = Set.copyOf(internalTopics);
    }

    private static <K> Map<K, List<PartitionInfo>> freeze(Map<K, List<PartitionInfo>> m) {
        Map<K, List<PartitionInfo>> out = new HashMap<>();
        m.forEach((k, v) -> {
            v.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            out.put(k, List.copyOf(v));
        });
        return Collections.unmodifiableMap(out);
    }

    /** A cluster that knows nothing yet. */
    public static Cluster empty() {
        return new Cluster(null, List.of(), List.of(), Set.of(), Set.of());
    }

    /** A cluster of the given brokers only, as known before the first metadata answer. */
    public static Cluster bootstrap(List<Node> bootstrapNodes) {
        return new Cluster(null, bootstrapNodes, List.of(), Set.of(), Set.of());
    }

    public String clusterId() {
        return clusterId;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The broker with this id, or null. */
    public Node nodeById(int id) {
        return nodesById.get(id);
    }

    /** The controller, or null when unknown. */
    public Node controller() {
        return controller;
    }

    /** The partition's leader, or null when it has none or is unknown. */
    public Node leaderFor(TopicPartition tp) {
        PartitionInfo p = byPartition.get(tp);
        return p == null || p.leader() == null || p.leader().isEmpty() ? null : p.leader();
    }

    public PartitionInfo partition(TopicPartition tp) {
        return byPartition.get(tp);
    }

    public List<PartitionInfo> partitionsForTopic(String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }

    /** How many partitions the topic has, or null when it is unknown. */
    public Integer partitionCountForTopic(String topic) {
        List<PartitionInfo> ps = byTopic.get(topic);
        return ps == null ? null : ps.size();
    }

    /** The topic's partitions that have a leader now. */
    public List<PartitionInfo> availablePartitionsForTopic(String topic) {
        return availableByTopic.getOrDefault(topic, List.of());
    }

    public List<PartitionInfo> partitionsForNode(int nodeId) {
        return byLeader.getOrDefault(nodeId, List.of());
    }

    public Set<String> topics() {
        return byTopic.keySet();
    }

    /** The topic's id, or null when the broker gave none (before Metadata v10). */
    public Uuid topicId(String topic) {
        return topicIds.get(topic);
    }

    public Set<String> unauthorizedTopics() {
        return unauthorizedTopics;
    }

    public Set<String> internalTopics() {
        return internalTopics;
    }

    @Override
    public String toString() {
        return "Cluster(id = " + clusterId + ", nodes = " + nodes + ", partitions = " + byPartition.values()
                + ", controller = " + controller + ")";
    }
}
