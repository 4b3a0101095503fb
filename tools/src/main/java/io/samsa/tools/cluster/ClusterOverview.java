package io.samsa.tools.cluster;

import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.Node;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.ClusterInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * The cluster at a glance: its brokers and controller ({@code describeCluster}), how many topics
 * and partitions it holds, internal ones included, and which partitions are in trouble
 * ({@code describeTopics} of every topic): <em>offline</em>, with no leader or a leader that is
 * not a live broker, and <em>under-replicated</em>, led but with fewer in-sync replicas than
 * replicas. An offline partition is listed as offline only. Immutable.
 */
record ClusterOverview(ClusterInfo cluster, int topicCount, int partitionCount, List<PartitionProblem> underReplicated,
                       List<PartitionProblem> offline) {

    ClusterOverview {
        underReplicated = List.copyOf(underReplicated);
        offline = List.copyOf(offline);
    }

    /** Asks the cluster. */
    static ClusterOverview of(ClusterConnection connection) throws ExecutionException, InterruptedException {
        Set<String> names = connection.await(connection.admin().listTopics(new ListTopicsOptions().listInternal(true)).names());
        Map<String, TopicDescription> topics = names.isEmpty() ? Map.of()
                : new TreeMap<>(connection.await(connection.admin().describeTopics(names).allTopicNames()));
        return of(connection.cluster(), topics.values());
    }

    /** Sorts the partitions of {@code topics} (described by the cluster {@code cluster} describes). */
    static ClusterOverview of(ClusterInfo cluster, Iterable<TopicDescription> topics) {
        int topicCount = 0;
        int partitionCount = 0;
        List<PartitionProblem> underReplicated = new ArrayList<>();
        List<PartitionProblem> offline = new ArrayList<>();
        for (TopicDescription t : topics) {
            topicCount++;
            for (TopicPartitionInfo p : t.partitions()) {
                partitionCount++;
                Node leader = p.leader() == null || p.leader().isEmpty() ? null : p.leader();
                PartitionProblem problem = new PartitionProblem(t.name(), p.partition(), leader == null ? null : leader.id(),
                        p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList());
                if (leader == null || !cluster.isLive(leader.id())) {
                    offline.add(problem);
                } else if (p.isr().size() < p.replicas().size()) {
                    underReplicated.add(problem);
                }
            }
        }
        return new ClusterOverview(cluster, topicCount, partitionCount, underReplicated, offline);
    }
}
