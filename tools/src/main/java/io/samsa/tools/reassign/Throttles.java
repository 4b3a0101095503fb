package io.samsa.tools.reassign;

import io.samsa.clients.admin.AlterConfigOp;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.common.TopicPartition;
import io.samsa.common.config.ConfigResource;
import io.samsa.tools.cli.ClusterConnection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * The replication throttles of a reassignment, as Kafka's tool sets and lifts them: each moving
 * topic's {@code leader.replication.throttled.replicas} lists {@code partition:broker} for every
 * replica a partition moves from, its {@code follower.replication.throttled.replicas} every replica
 * it moves to, and each broker a move touches gets {@code leader.replication.throttled.rate} and
 * {@code follower.replication.throttled.rate}. Moves already in progress count too, so that
 * resubmitting with {@code --additional} keeps their throttles. Stateless.
 */
final class Throttles {

    static final String LEADER_REPLICAS = "leader.replication.throttled.replicas";
    static final String FOLLOWER_REPLICAS = "follower.replication.throttled.replicas";
    static final String LEADER_RATE = "leader.replication.throttled.rate";
    static final String FOLLOWER_RATE = "follower.replication.throttled.rate";
    static final String LOG_DIRS_RATE = "replica.alter.log.dirs.io.max.bytes.per.second";

    /** Where a partition's data moves from (its current replicas) and to (the replicas it gains). */
    record Move(Set<Integer> sources, Set<Integer> destinations) {
    }

    private Throttles() {
    }

    /**
     * The moves of the reassignments in progress and of the proposed ones, by topic and partition.
     *
     * @param inProgress the reassignments the cluster is making
     * @param proposed   the targets about to be submitted
     * @param current    the proposed partitions' replicas now
     */
    static Map<String, Map<Integer, Move>> moves(Map<TopicPartition, PartitionReassignment> inProgress,
                                                 Map<TopicPartition, List<Integer>> proposed,
                                                 Map<TopicPartition, List<Integer>> current) {
        Map<String, Map<Integer, Move>> moves = new TreeMap<>();
        inProgress.forEach((tp, r) -> {
            Set<Integer> sources = new TreeSet<>(r.replicas());
            sources.removeAll(r.addingReplicas());
            moves.computeIfAbsent(tp.topic(), t -> new TreeMap<>())
                    .put(tp.partition(), new Move(sources, new TreeSet<>(r.addingReplicas())));
        });
        proposed.forEach((tp, replicas) -> {
            Map<Integer, Move> topic = moves.computeIfAbsent(tp.topic(), t -> new TreeMap<>());
            Move before = topic.get(tp.partition());
            Set<Integer> sources = new TreeSet<>(before != null ? before.sources() : current.getOrDefault(tp, List.of()));
            Set<Integer> destinations = new TreeSet<>(replicas);
            destinations.removeAll(sources);
            topic.put(tp.partition(), new Move(sources, destinations));
        });
        return moves;
    }

    /** Each topic's {@code leader.replication.throttled.replicas}: {@code partition:source} pairs. */
    static Map<String, String> leaderReplicas(Map<String, Map<Integer, Move>> moves) {
        return pairs(moves, true);
    }

    /** Each topic's {@code follower.replication.throttled.replicas}: {@code partition:destination} pairs. */
    static Map<String, String> followerReplicas(Map<String, Map<Integer, Move>> moves) {
        return pairs(moves, false);
    }

    private static Map<String, String> pairs(Map<String, Map<Integer, Move>> moves, boolean leader) {
        Map<String, String> result = new LinkedHashMap<>();
        moves.forEach((topic, partitions) -> {
            Set<String> pairs = new TreeSet<>(); // string order, as Kafka's tool writes them
            partitions.forEach((p, m) -> (leader ? m.sources() : m.destinations()).forEach(b -> pairs.add(p + ":" + b)));
            result.put(topic, String.join(",", pairs));
        });
        return result;
    }

    /** Every broker a move reads from or writes to. */
    static Set<Integer> brokers(Map<String, Map<Integer, Move>> moves) {
        Set<Integer> brokers = new TreeSet<>();
        moves.values().forEach(ps -> ps.values().forEach(m -> {
            brokers.addAll(m.sources());
            brokers.addAll(m.destinations());
        }));
        return brokers;
    }

    /** Sets the topics' throttled replicas. */
    static void setTopicThrottles(ClusterConnection connection, Map<String, Map<Integer, Move>> moves)
            throws ExecutionException, InterruptedException {
        Map<String, String> leaders = leaderReplicas(moves);
        Map<String, String> followers = followerReplicas(moves);
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
        for (String topic : moves.keySet()) {
            ops.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(LEADER_REPLICAS, leaders.get(topic)), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry(FOLLOWER_REPLICAS, followers.get(topic)), AlterConfigOp.OpType.SET)));
        }
        connection.await(connection.admin().incrementalAlterConfigs(ops).all());
    }

    /** Sets the brokers' throttle rates. */
    static void setBrokerRates(ClusterConnection connection, Set<Integer> brokers, long rate)
            throws ExecutionException, InterruptedException {
        Map<ConfigResource, Collection<AlterConfigOp>> ops = new LinkedHashMap<>();
        for (int b : brokers) {
            ops.put(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)), List.of(
                    new AlterConfigOp(new ConfigEntry(LEADER_RATE, Long.toString(rate)), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry(FOLLOWER_RATE, Long.toString(rate)), AlterConfigOp.OpType.SET)));
        }
        connection.await(connection.admin().incrementalAlterConfigs(ops).all());
    }

    /**
     * Lifts every throttle a reassignment may have set: the rates of {@code brokers} and the
     * throttled replicas of {@code topics} (Kafka's tool cannot know which brokers an earlier run
     * touched either, so it clears them on every broker).
     */
    static void clear(ClusterConnection connection, Set<Integer> brokers, Set<String> topics)
            throws ExecutionException, InterruptedException {
        Map<ConfigResource, Collection<AlterConfigOp>> brokerOps = new LinkedHashMap<>();
        for (int b : brokers) {
            List<AlterConfigOp> ops = new ArrayList<>();
            for (String key : List.of(LEADER_RATE, FOLLOWER_RATE, LOG_DIRS_RATE)) {
                ops.add(new AlterConfigOp(new ConfigEntry(key, null), AlterConfigOp.OpType.DELETE));
            }
            brokerOps.put(new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(b)), ops);
        }
        connection.await(connection.admin().incrementalAlterConfigs(brokerOps).all());
        Map<ConfigResource, Collection<AlterConfigOp>> topicOps = new LinkedHashMap<>();
        for (String t : new TreeSet<>(topics)) {
            topicOps.put(new ConfigResource(ConfigResource.Type.TOPIC, t), List.of(
                    new AlterConfigOp(new ConfigEntry(LEADER_REPLICAS, null), AlterConfigOp.OpType.DELETE),
                    new AlterConfigOp(new ConfigEntry(FOLLOWER_REPLICAS, null), AlterConfigOp.OpType.DELETE)));
        }
        connection.await(connection.admin().incrementalAlterConfigs(topicOps).all());
    }

    /** The topics of {@code partitions}, as a set. */
    static Set<String> topics(Collection<TopicPartition> partitions) {
        Set<String> topics = new HashSet<>();
        partitions.forEach(tp -> topics.add(tp.topic()));
        return topics;
    }
}
