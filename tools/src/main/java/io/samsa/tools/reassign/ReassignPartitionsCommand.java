package io.samsa.tools.reassign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.NewPartitionReassignment;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.TopicLookup;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code bin/samsa-reassign-partitions.sh}: Kafka's {@code kafka-reassign-partitions} over Samsa's
 * {@code Admin}, with its actions, JSON files and output lines. {@code --generate} balances the
 * brokers by bytes ({@link AssignmentGenerator}); {@code --execute} starts a reassignment, setting
 * Kafka's throttle configs with {@code --throttle} ({@link Throttles}); {@code --verify} reports
 * and lifts the throttles ({@link ReassignmentVerifier}); {@code --cancel} and {@code --list} as
 * Kafka's. Unlike Kafka's tool, a malformed file, an unknown topic or broker and a refused move are
 * one line on stderr and exit status 1, never a stack trace, and {@code --wait} waits for the move
 * to finish with a progress line. Moves between log directories ({@code log_dirs} other than
 * {@code "any"}) are refused: Samsa's client has no AlterReplicaLogDirs. Exit status: see
 * {@link ToolRunner}.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class ReassignPartitionsCommand implements Tool<ReassignOptions> {

    static final String NAME = "samsa-reassign-partitions";

    static final String EXISTING_REASSIGNMENT = "Cannot execute because there is an existing partition assignment.  "
            + "Use --additional to override this and create a new partition assignment in addition to the existing one. "
            + "The --additional flag can also be used to change the throttle by resubmitting the current reassignment.";
    static final String RUN_VERIFY = "Warning: You must run --verify periodically, until the reassignment completes, "
            + "to ensure the throttle is removed.";

    public static void main(String[] args) {
        ToolRunner.main(new ReassignPartitionsCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ReassignOptions parse(String[] args) throws UsageException {
        return ReassignOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        ReassignOptions.printUsage(out);
    }

    @Override
    public boolean verbose(ReassignOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(ReassignOptions options, PrintStream out, PrintStream err) throws Exception {
        // Files are read before connecting, so that a malformed one fails at once.
        Map<TopicPartition, List<Integer>> targets = options.reassignmentFile() == null ? Map.of() : readTargets(options);
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            switch (options.action()) {
                case GENERATE -> AssignmentGenerator.generate(connection, options, out);
                case EXECUTE -> execute(connection, targets, options, out, err);
                case VERIFY -> ReassignmentVerifier.verify(connection, targets, options, out, err);
                case CANCEL -> cancel(connection, targets, options, out);
                case LIST -> list(connection, options, out);
            }
        }
    }

    private static Map<TopicPartition, List<Integer>> readTargets(ReassignOptions options) {
        List<ReassignmentJson.Target> targets = ReassignmentJson.readReassignment(options.reassignmentFile(),
                "--reassignment-json-file");
        for (ReassignmentJson.Target t : targets) {
            if (t.movesLogDirs()) {
                throw new ToolFailure("--reassignment-json-file " + options.reassignmentFile() + ": " + t.partition()
                        + " names log_dirs " + t.logDirs() + "; moving replicas between log directories is not "
                        + "supported (use \"any\")");
            }
        }
        return ReassignmentJson.asMap(targets);
    }

    private static void execute(ClusterConnection connection, Map<TopicPartition, List<Integer>> targets,
                                ReassignOptions options, PrintStream out, PrintStream err)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, PartitionReassignment> inProgress = connection.await(
                connection.admin().listPartitionReassignments().reassignments());
        if (!options.additional() && !inProgress.isEmpty()) {
            throw new ToolFailure(EXISTING_REASSIGNMENT);
        }
        Set<Integer> live = connection.cluster().brokers().stream().map(Node::id).collect(Collectors.toSet());
        targets.values().stream().flatMap(List::stream).filter(id -> !live.contains(id)).findFirst().ifPresent(id -> {
            throw new ToolFailure("Unknown broker id " + id + " (the cluster's brokers are "
                    + live.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")) + ")");
        });
        Map<TopicPartition, List<Integer>> current = currentReplicas(connection, targets.keySet());
        out.println("Current partition replica assignment");
        out.println();
        out.println(ReassignmentJson.format(current));
        out.println();
        out.println("Save this to use as the --reassignment-json-file option during rollback");
        if (options.throttle() >= 0) {
            if (!options.await()) {
                out.println(RUN_VERIFY);
            }
            Map<String, Map<Integer, Throttles.Move>> moves = Throttles.moves(inProgress, targets, current);
            Throttles.setTopicThrottles(connection, moves);
            try {
                Throttles.setBrokerRates(connection, Throttles.brokers(moves), options.throttle());
                out.println("The inter-broker throttle limit was set to " + options.throttle() + " B/s");
            } catch (ExecutionException e) {
                // Samsa's brokers take no runtime broker configs (and enforce no throttle); Kafka's do.
                err.println(NAME + ": warning: the brokers refused the throttle rate ("
                        + FailureMessages.describe(e, options.common().verbose()) + "); the topics' throttled replicas are set");
            }
        }
        if (options.logDirThrottle() >= 0) {
            // Kafka's tool sets it only on the brokers whose replicas change log directory; there are none here.
            err.println(NAME + ": warning: --replica-alter-log-dirs-throttle is not set on any broker: this "
                    + "reassignment moves no replica between log directories");
        }
        Map<TopicPartition, Optional<NewPartitionReassignment>> request = new LinkedHashMap<>();
        targets.forEach((tp, replicas) -> request.put(tp, Optional.of(new NewPartitionReassignment(replicas))));
        failures("Error reassigning partition(s)", connection,
                connection.admin().alterPartitionReassignments(request).values(), options);
        out.println("Successfully started partition reassignment" + (targets.size() == 1 ? "" : "s") + " for "
                + sorted(targets.keySet()));
        if (options.await()) {
            out.flush();
            ReassignmentVerifier.verify(connection, targets, options, out, err);
        }
    }

    private static void cancel(ClusterConnection connection, Map<TopicPartition, List<Integer>> targets,
                               ReassignOptions options, PrintStream out) throws ExecutionException, InterruptedException {
        Map<TopicPartition, PartitionReassignment> moving = connection.await(
                connection.admin().listPartitionReassignments(targets.keySet()).reassignments());
        List<TopicPartition> cancelling = moving.keySet().stream().filter(targets::containsKey)
                .sorted(ReassignmentJson.ORDER).toList();
        if (cancelling.isEmpty()) {
            out.println("None of the specified partition reassignments are active.");
        } else {
            Map<TopicPartition, Optional<NewPartitionReassignment>> request = new LinkedHashMap<>();
            cancelling.forEach(tp -> request.put(tp, Optional.empty()));
            failures("Error cancelling partition reassignment(s)", connection,
                    connection.admin().alterPartitionReassignments(request).values(), options);
            out.println("Successfully cancelled partition reassignment" + (cancelling.size() == 1 ? "" : "s") + " for: "
                    + sorted(cancelling));
        }
        if (!options.preserveThrottles()) {
            Set<Integer> brokers = new TreeSet<>(connection.cluster().brokers().stream().map(Node::id).toList());
            targets.values().forEach(brokers::addAll);
            Set<String> topics = new TreeSet<>(Throttles.topics(targets.keySet()));
            out.println("Clearing broker-level throttles on broker" + (brokers.size() == 1 ? " " : "s ")
                    + brokers.stream().map(String::valueOf).collect(Collectors.joining(",")));
            out.println("Clearing topic-level throttles on topic" + (topics.size() == 1 ? " " : "s ") + String.join(",", topics));
            Throttles.clear(connection, brokers, topics);
        }
    }

    private static void list(ClusterConnection connection, ReassignOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, PartitionReassignment> moving = new TreeMap<>(ReassignmentJson.ORDER);
        moving.putAll(connection.await(connection.admin().listPartitionReassignments().reassignments()));
        if (options.common().output() == OutputFormat.JSON) {
            ObjectNode doc = Json.object();
            ArrayNode array = doc.putArray("reassignments");
            moving.forEach((tp, r) -> {
                ObjectNode o = array.addObject();
                o.put("topic", tp.topic());
                o.put("partition", tp.partition());
                o.set("replicas", Json.numbers(r.replicas()));
                o.set("addingReplicas", Json.numbers(r.addingReplicas()));
                o.set("removingReplicas", Json.numbers(r.removingReplicas()));
            });
            Json.print(out, doc);
            return;
        }
        if (moving.isEmpty()) {
            out.println("No partition reassignments found.");
            return;
        }
        out.println("Current partition reassignments:");
        moving.forEach((tp, r) -> out.println(tp + ": replicas: " + ids(r.replicas()) + "."
                + (r.addingReplicas().isEmpty() ? "" : " adding: " + ids(r.addingReplicas()) + ".")
                + (r.removingReplicas().isEmpty() ? "" : " removing: " + ids(r.removingReplicas()) + ".")));
    }

    /** The replicas of {@code partitions} now; a missing topic or partition fails, naming it. */
    private static Map<TopicPartition, List<Integer>> currentReplicas(ClusterConnection connection,
                                                                      Set<TopicPartition> partitions)
            throws ExecutionException, InterruptedException {
        Set<String> names = TopicLookup.names(connection);
        List<String> topics = new ArrayList<>(new TreeSet<>(Throttles.topics(partitions)));
        for (String t : topics) {
            if (!names.contains(t)) {
                throw TopicLookup.notFound(t, names);
            }
        }
        Map<String, TopicDescription> described = connection.await(connection.admin().describeTopics(topics).allTopicNames());
        Map<TopicPartition, List<Integer>> current = new LinkedHashMap<>();
        for (TopicPartition tp : partitions.stream().sorted(ReassignmentJson.ORDER).toList()) {
            List<TopicPartitionInfo> infos = described.get(tp.topic()).partitions();
            TopicPartitionInfo info = infos.stream().filter(i -> i.partition() == tp.partition()).findFirst()
                    .orElseThrow(() -> new ToolFailure("Partition " + tp + " does not exist (topic '" + tp.topic()
                            + "' has " + infos.size() + (infos.size() == 1 ? " partition)" : " partitions)")));
            current.put(tp, info.replicas().stream().map(Node::id).toList());
        }
        return current;
    }

    /** Waits for every partition's answer and fails, in one line, naming those the controller refused. */
    private static void failures(String what, ClusterConnection connection,
                                 Map<TopicPartition, CompletableFuture<Void>> results, ReassignOptions options)
            throws InterruptedException {
        Map<TopicPartition, String> errors = new TreeMap<>(ReassignmentJson.ORDER);
        for (Map.Entry<TopicPartition, CompletableFuture<Void>> e : results.entrySet()) {
            try {
                connection.await(e.getValue());
            } catch (ExecutionException ex) {
                errors.put(e.getKey(), FailureMessages.describe(ex, options.common().verbose()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ToolFailure(what + ": " + errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String sorted(Collection<TopicPartition> partitions) {
        return partitions.stream().sorted(ReassignmentJson.ORDER).map(TopicPartition::toString)
                .collect(Collectors.joining(","));
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
