package io.samsa.tools.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.ConsumerGroupListing;
import io.samsa.clients.admin.DeleteConsumerGroupOffsetsResult;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.GroupIdNotFoundException;
import io.samsa.common.errors.GroupNotEmptyException;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Table;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code bin/samsa-consumer-groups.sh}: Kafka's {@code kafka-consumer-groups} over Samsa's
 * {@code Admin}, with its flags ({@link ConsumerGroupCommandOptions}) and its output
 * ({@link GroupDescriptionPrinter}), and these differences: {@code --describe} adds each group's
 * total lag; {@code --reset-offsets} must be told {@code --dry-run} or {@code --execute}, prints
 * each partition's offset before and after, and checks every group, topic and partition before it
 * commits anything; a group or topic that is not there is said so plainly, with the nearest names;
 * no failure prints a stack trace without {@code --verbose}. Exit status: see {@link ToolRunner};
 * a deletion that failed for some groups or partitions exits 1 after reporting the others.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class ConsumerGroupCommand implements Tool<ConsumerGroupCommandOptions> {

    static final String NAME = "samsa-consumer-groups";

    private final Time time;

    public ConsumerGroupCommand() {
        this(Time.SYSTEM);
    }

    ConsumerGroupCommand(Time time) {
        this.time = time;
    }

    public static void main(String[] args) {
        ToolRunner.main(new ConsumerGroupCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ConsumerGroupCommandOptions parse(String[] args) throws UsageException {
        return ConsumerGroupCommandOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        ConsumerGroupCommandOptions.printUsage(out);
    }

    @Override
    public boolean verbose(ConsumerGroupCommandOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(ConsumerGroupCommandOptions options, PrintStream out, PrintStream err) throws Exception {
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            switch (options.action()) {
                case LIST -> list(connection, options, out);
                case DESCRIBE -> describe(connection, options, out, err);
                case DELETE -> delete(connection, options, out, err);
                case DELETE_OFFSETS -> deleteOffsets(connection, options, out);
                case RESET_OFFSETS -> resetOffsets(connection, options, out, err);
            }
        }
    }

    private static void list(ClusterConnection connection, ConsumerGroupCommandOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        Set<ConsumerGroupState> states = options.listStates() == null ? Set.of() : options.listStates();
        Set<GroupType> types = options.listTypes() == null ? Set.of() : options.listTypes();
        List<ConsumerGroupListing> groups = GroupFinder.list(connection, states, types);
        if (options.common().output() == OutputFormat.JSON) {
            ObjectNode doc = Json.object();
            ArrayNode array = doc.putArray("groups");
            for (ConsumerGroupListing g : groups) {
                ObjectNode o = array.addObject();
                o.put("group", g.groupId());
                GroupDescriptionPrinter.putNullable(o, "state", g.state().map(Object::toString).orElse(null));
                GroupDescriptionPrinter.putNullable(o, "type", g.type().map(Object::toString).orElse(null));
            }
            Json.print(out, doc);
        } else if (options.listStates() == null && options.listTypes() == null) {
            groups.forEach(g -> out.println(g.groupId()));
        } else {
            // Kafka's columns and widths: the longest id (at least 15) and ten more, then TYPE and STATE as asked.
            int width = groups.stream().mapToInt(g -> g.groupId().length()).max().orElse(0);
            List<String> headers = new ArrayList<>(List.of("GROUP"));
            if (options.listTypes() != null) {
                headers.add("TYPE");
            }
            if (options.listStates() != null) {
                headers.add("STATE");
            }
            Table table = new Table(headers.toArray(new String[0])).minWidth(0, Math.max(15, width) + 10);
            for (int c = 1; c < headers.size() - 1; c++) {
                table.minWidth(c, 20);
            }
            for (ConsumerGroupListing g : groups) {
                List<Object> row = new ArrayList<>(List.of(g.groupId()));
                if (options.listTypes() != null) {
                    row.add(g.type().map(Object::toString).orElse("Unknown"));
                }
                if (options.listStates() != null) {
                    row.add(g.state().map(Object::toString).orElse("Unknown"));
                }
                table.row(row.toArray());
            }
            table.print(out);
        }
    }

    private static void describe(ClusterConnection connection, ConsumerGroupCommandOptions options, PrintStream out,
                                 PrintStream err) throws ExecutionException, InterruptedException {
        List<String> ids = GroupFinder.ids(connection, options);
        Map<String, ConsumerGroupDescription> described = GroupFinder.describeExisting(connection, ids);
        List<ConsumerGroupDescription> groups = new ArrayList<>(described.values());
        boolean json = options.common().output() == OutputFormat.JSON;
        if (!json) {
            groups.forEach(g -> GroupDescriptionPrinter.stateNote(g).ifPresent(n -> err.println(NAME + ": " + n)));
        }
        if (json || options.view() == DescribeView.OFFSETS) {
            List<GroupSnapshot> snapshots = new ArrayList<>();
            for (ConsumerGroupDescription g : groups) {
                snapshots.add(GroupOffsets.collect(connection, g));
            }
            if (json) {
                GroupDescriptionPrinter.printJson(snapshots, out);
            } else {
                GroupDescriptionPrinter.printOffsets(snapshots, out);
            }
        } else if (options.view() == DescribeView.MEMBERS) {
            GroupDescriptionPrinter.printMembers(groups, options.common().verbose(), out);
        } else {
            GroupDescriptionPrinter.printStates(groups, out);
        }
    }

    private static void delete(ClusterConnection connection, ConsumerGroupCommandOptions options, PrintStream out,
                               PrintStream err) throws ExecutionException, InterruptedException {
        List<String> ids = GroupFinder.ids(connection, options);
        if (ids.isEmpty()) {
            return;
        }
        Map<String, CompletableFuture<Void>> results = connection.admin().deleteConsumerGroups(ids).deletedGroups();
        List<String> deleted = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                connection.await(results.get(id));
                deleted.add(id);
            } catch (ExecutionException e) {
                failed.put(id, whyNotDeleted(connection, id, e, options.common().verbose()));
            }
        }
        String names = deleted.stream().map(g -> "'" + g + "'").collect(Collectors.joining(", "));
        if (failed.isEmpty()) {
            out.println("Deletion of requested consumer groups (" + names + ") was successful.");
            return;
        }
        if (!deleted.isEmpty()) {
            out.println("These consumer groups were deleted successfully: " + names);
        }
        if (ids.size() == 1) {
            throw new ToolFailure(failed.get(ids.get(0)));
        }
        failed.values().forEach(why -> err.println(NAME + ": " + why));
        throw new ToolFailure(failed.size() + " of " + ids.size() + " consumer groups could not be deleted");
    }

    private static String whyNotDeleted(ClusterConnection connection, String id, ExecutionException e, boolean verbose)
            throws ExecutionException, InterruptedException {
        if (e.getCause() instanceof GroupIdNotFoundException) {
            return GroupFinder.doesNotExist(connection, id).getMessage();
        }
        if (e.getCause() instanceof GroupNotEmptyException) {
            return "Consumer group '" + id + "' could not be deleted: it has active members";
        }
        return "Consumer group '" + id + "' could not be deleted: " + FailureMessages.describe(e, verbose);
    }

    private static void deleteOffsets(ClusterConnection connection, ConsumerGroupCommandOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        String group = options.groups().get(0);
        GroupFinder.describeExisting(connection, List.of(group));
        KnownTopics topics = KnownTopics.describe(connection, options.topics().stream().map(TopicScope::topic).toList());
        Set<TopicPartition> partitions = new TreeSet<>();
        for (TopicScope scope : options.topics()) {
            if (scope.allPartitions()) {
                partitions.addAll(topics.partitionsOf(scope.topic()));
            } else {
                for (int p : scope.partitions()) {
                    TopicPartition tp = new TopicPartition(scope.topic(), p);
                    topics.requirePartition(tp);
                    partitions.add(tp);
                }
            }
        }
        DeleteConsumerGroupOffsetsResult result = connection.admin().deleteConsumerGroupOffsets(group, partitions);
        Table table = new Table("TOPIC", "PARTITION", "STATUS").minWidth(0, 30).minWidth(1, 15);
        Set<String> errors = new TreeSet<>();
        int failed = 0;
        for (TopicPartition p : partitions) {
            String status = "Successful";
            try {
                connection.await(result.partitionResult(p));
            } catch (ExecutionException e) {
                String why = FailureMessages.describe(e, options.common().verbose());
                errors.add(why);
                failed++;
                status = "Error: " + why;
            }
            table.row(p.topic(), p.partition(), status);
        }
        table.print(out);
        if (failed > 0) {
            throw new ToolFailure("could not delete the offsets of " + failed + (failed == 1 ? " partition" : " partitions")
                    + " of group '" + group + "'" + (errors.size() == 1 ? ": " + errors.iterator().next() : ""));
        }
    }

    private void resetOffsets(ClusterConnection connection, ConsumerGroupCommandOptions options, PrintStream out,
                              PrintStream err) throws ExecutionException, InterruptedException {
        Map<String, List<PlannedOffset>> plans = OffsetReset.run(connection, options, time,
                w -> err.println(NAME + ": warning: " + w));
        if (options.common().output() == OutputFormat.JSON) {
            ResetPlanPrinter.printJson(plans, options.execute(), out);
        } else if (options.export()) {
            // Kafka's choice of columns: without the group only when one --group was named.
            ResetPlanCsv.write(plans, options.groups().size() != 1, out);
        } else {
            ResetPlanPrinter.printText(plans, out);
        }
        if (!options.execute()) {
            err.println(NAME + ": dry run: no offsets were changed (--execute commits them)");
        }
    }
}
