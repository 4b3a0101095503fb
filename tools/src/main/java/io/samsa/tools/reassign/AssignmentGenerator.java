package io.samsa.tools.reassign;

import io.samsa.clients.admin.LogDirDescription;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.TopicLookup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code --generate}: reads the topics to move, asks the cluster for their replicas and, through
 * DescribeLogDirs, for every replica's size (a partition's size is its largest replica's, the
 * leader's as a rule), and prints Kafka's two documents: the current assignment and the proposal
 * of {@link SizeBalancer}. Nothing is moved. Stateless.
 */
final class AssignmentGenerator {

    private AssignmentGenerator() {
    }

    static void generate(ClusterConnection connection, ReassignOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        List<String> topics = ReassignmentJson.readTopics(options.topicsFile(), "--topics-to-move-json-file");
        Set<String> names = TopicLookup.names(connection);
        for (String t : topics) {
            if (!names.contains(t)) {
                throw TopicLookup.notFound(t, names);
            }
        }
        List<SizeBalancer.Broker> brokers = brokers(connection, options);
        Map<String, TopicDescription> described = connection.await(connection.admin().describeTopics(topics).allTopicNames());
        Map<TopicPartition, List<Integer>> current = new LinkedHashMap<>();
        for (String t : topics) {
            for (TopicPartitionInfo p : described.get(t).partitions()) {
                current.put(new TopicPartition(t, p.partition()), p.replicas().stream().map(Node::id).toList());
            }
        }
        Map<TopicPartition, Long> sizes = sizes(connection, current.keySet());
        List<SizeBalancer.Partition> partitions = new ArrayList<>();
        current.forEach((tp, replicas) -> partitions.add(new SizeBalancer.Partition(tp, replicas, sizes.getOrDefault(tp, 0L))));
        Map<TopicPartition, List<Integer>> proposed;
        try {
            proposed = SizeBalancer.assign(partitions, brokers, !options.disableRackAware());
        } catch (IllegalArgumentException e) {
            throw new ToolFailure("cannot place the replicas: " + e.getMessage(), e);
        }
        out.println("Current partition replica assignment");
        out.println(ReassignmentJson.format(current));
        out.println();
        out.println("Proposed partition reassignment configuration");
        out.println(ReassignmentJson.format(proposed));
    }

    /** The brokers of {@code --broker-list}, with their racks; each must be in the cluster. */
    private static List<SizeBalancer.Broker> brokers(ClusterConnection connection, ReassignOptions options) {
        Map<Integer, Node> live = new HashMap<>();
        connection.cluster().brokers().forEach(n -> live.put(n.id(), n));
        List<SizeBalancer.Broker> brokers = new ArrayList<>();
        for (int id : options.brokers()) {
            Node n = live.get(id);
            if (n == null) {
                throw new ToolFailure("broker " + id + " of --broker-list is not in the cluster (its brokers are "
                        + connection.cluster().brokers().stream().map(b -> Integer.toString(b.id()))
                        .collect(Collectors.joining(",")) + ")");
            }
            brokers.add(new SizeBalancer.Broker(id, !options.disableRackAware() && n.hasRack() ? n.rack() : null));
        }
        if (!options.disableRackAware()) {
            try {
                SizeBalancer.checkRacks(brokers);
            } catch (IllegalArgumentException e) {
                throw new ToolFailure(e.getMessage(), e);
            }
        }
        return brokers;
    }

    /** The size of each partition: the largest of its replicas on any live broker (0 when none reports it). */
    private static Map<TopicPartition, Long> sizes(ClusterConnection connection, Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        List<Integer> ids = connection.cluster().brokers().stream().map(Node::id).toList();
        Map<Integer, Map<String, LogDirDescription>> dirs = connection.await(connection.admin().describeLogDirs(ids)
                .allDescriptions());
        Map<TopicPartition, Long> sizes = new HashMap<>();
        dirs.values().forEach(byPath -> byPath.values().forEach(d -> d.replicaInfos().forEach((tp, info) -> {
            if (partitions.contains(tp) && !info.isFuture()) {
                sizes.merge(tp, info.size(), Math::max);
            }
        })));
        return sizes;
    }
}
