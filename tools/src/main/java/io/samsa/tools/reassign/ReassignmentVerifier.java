package io.samsa.tools.reassign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Progress;
import io.samsa.tools.cli.TopicLookup;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code --verify}, and the end of {@code --execute --wait}: each partition's
 * {@link PartitionStatus} in Kafka's words (or as JSON), and, once the cluster has no reassignment
 * in progress at all, the throttles lifted (Kafka's rule: the tool cannot tell which throttles
 * belong to which run). With {@code --wait} it first polls until none of the file's partitions is
 * moving, rewriting a progress line on a terminal. Stateless.
 */
final class ReassignmentVerifier {

    private static final long POLL_MS = 1_000;

    private ReassignmentVerifier() {
    }

    /** Prints the status of {@code targets}, waiting first when asked; lifts the throttles when nothing moves. */
    static void verify(ClusterConnection connection, Map<TopicPartition, List<Integer>> targets, ReassignOptions options,
                       PrintStream out, PrintStream err) throws ExecutionException, InterruptedException {
        if (options.await()) {
            await(connection, targets.keySet(), err);
        }
        Map<TopicPartition, PartitionReassignment> inProgress = connection.await(
                connection.admin().listPartitionReassignments().reassignments());
        List<PartitionStatus> statuses = statuses(connection, targets, inProgress);
        boolean clear = inProgress.isEmpty() && !options.preserveThrottles();
        Set<Integer> brokers = new TreeSet<>();
        if (clear) {
            connection.cluster().brokers().forEach(n -> brokers.add(n.id()));
            targets.values().forEach(brokers::addAll);
        }
        Set<String> topics = new TreeSet<>(Throttles.topics(targets.keySet()));
        if (options.common().output() == OutputFormat.JSON) {
            if (clear) {
                Throttles.clear(connection, brokers, topics);
            }
            ObjectNode doc = Json.object();
            ArrayNode array = doc.putArray("partitions");
            statuses.forEach(s -> array.add(s.json()));
            doc.put("complete", statuses.stream().allMatch(s -> s.state() == PartitionStatus.State.COMPLETED));
            doc.put("reassignmentsInProgress", !inProgress.isEmpty());
            doc.put("throttlesCleared", clear);
            Json.print(out, doc);
            return;
        }
        out.println("Status of partition reassignment:");
        statuses.forEach(s -> out.println(s.line()));
        if (clear) {
            out.println("Clearing broker-level throttles on broker" + (brokers.size() == 1 ? " " : "s ")
                    + brokers.stream().map(String::valueOf).collect(Collectors.joining(",")));
            out.println("Clearing topic-level throttles on topic" + (topics.size() == 1 ? " " : "s ") + String.join(",", topics));
            Throttles.clear(connection, brokers, topics);
        }
    }

    /** Each target's status, in topic and partition order. */
    static List<PartitionStatus> statuses(ClusterConnection connection, Map<TopicPartition, List<Integer>> targets,
                                          Map<TopicPartition, PartitionReassignment> inProgress)
            throws ExecutionException, InterruptedException {
        Set<String> settledTopics = new TreeSet<>();
        targets.keySet().stream().filter(tp -> !inProgress.containsKey(tp)).forEach(tp -> settledTopics.add(tp.topic()));
        Set<String> existing = TopicLookup.names(connection);
        List<String> toDescribe = settledTopics.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> described = toDescribe.isEmpty() ? Map.of()
                : connection.await(connection.admin().describeTopics(toDescribe).allTopicNames());
        List<PartitionStatus> statuses = new ArrayList<>();
        List<TopicPartition> order = new ArrayList<>(targets.keySet());
        order.sort(ReassignmentJson.ORDER);
        for (TopicPartition tp : order) {
            List<Integer> target = targets.get(tp);
            PartitionReassignment moving = inProgress.get(tp);
            if (moving != null) {
                statuses.add(new PartitionStatus(tp, PartitionStatus.State.IN_PROGRESS, moving.replicas(), target));
            } else {
                statuses.add(PartitionStatus.settled(tp, replicas(described.get(tp.topic()), tp.partition()), target));
            }
        }
        return statuses;
    }

    private static List<Integer> replicas(TopicDescription topic, int partition) {
        if (topic == null) {
            return List.of();
        }
        for (TopicPartitionInfo p : topic.partitions()) {
            if (p.partition() == partition) {
                return p.replicas().stream().map(Node::id).toList();
            }
        }
        return List.of();
    }

    /** Polls until none of {@code partitions} is being reassigned. */
    static void await(ClusterConnection connection, Set<TopicPartition> partitions, PrintStream err)
            throws ExecutionException, InterruptedException {
        long startMs = Time.SYSTEM.hiResClockMs();
        try (Progress progress = Progress.onTerminal(err)) {
            while (true) {
                Set<TopicPartition> moving = new HashSet<>(connection.await(connection.admin()
                        .listPartitionReassignments(partitions).reassignments()).keySet());
                moving.retainAll(partitions);
                if (moving.isEmpty()) {
                    return;
                }
                long seconds = (Time.SYSTEM.hiResClockMs() - startMs) / 1000;
                progress.update("Reassigning " + partitions.size() + (partitions.size() == 1 ? " partition: " : " partitions: ")
                        + (partitions.size() - moving.size()) + " done, " + moving.size() + " in progress (" + seconds + " s)");
                Time.SYSTEM.sleep(POLL_MS);
            }
        }
    }
}
