package io.samsa.tools.topics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.NewPartitions;
import io.samsa.clients.admin.NewTopic;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.clients.admin.TopicListing;
import io.samsa.common.Node;
import io.samsa.common.Uuid;
import io.samsa.common.errors.TopicExistsException;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * {@code bin/samsa-topics.sh}: Kafka's {@code kafka-topics} over Samsa's {@code Admin}, with its
 * flags (see {@link TopicCommandOptions}) and its output, without its complaints: a topic that is
 * not there is {@code Topic 'x' does not exist} (with the nearest names), a misspelt
 * {@code --config} key gets a "did you mean" before anything is sent, an unreachable
 * {@code --bootstrap-server} fails within {@code --timeout} naming the address, and no failure
 * prints a stack trace without {@code --verbose}. {@code --list} prints names, one a line, sorted;
 * {@code --describe} prints Kafka's lines ({@link TopicDescriptionPrinter}); both take
 * {@code --output json}. {@code --create} prints {@code Created topic t.}; {@code --alter} and
 * {@code --delete} print nothing, as Kafka's tool. Exit status: see {@link ToolRunner}.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class TopicCommand implements Tool<TopicCommandOptions> {

    static final String NAME = "samsa-topics";

    public static void main(String[] args) {
        ToolRunner.main(new TopicCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TopicCommandOptions parse(String[] args) throws UsageException {
        return TopicCommandOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        TopicCommandOptions.printUsage(out);
    }

    @Override
    public boolean verbose(TopicCommandOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(TopicCommandOptions options, PrintStream out, PrintStream err) throws Exception {
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            switch (options.action()) {
                case LIST -> list(connection, options, out);
                case DESCRIBE -> describe(connection, options, out);
                case CREATE -> create(connection, options, out, err);
                case ALTER -> alter(connection, options);
                case DELETE -> delete(connection, options);
            }
        }
    }

    private static void list(ClusterConnection connection, TopicCommandOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        List<TopicListing> topics = TopicFinder.matching(TopicFinder.all(connection, options.excludeInternal()),
                options.topicFilter());
        if (options.common().output() == OutputFormat.JSON) {
            ObjectNode doc = Json.object();
            ArrayNode array = doc.putArray("topics");
            for (TopicListing t : topics) {
                ObjectNode o = array.addObject();
                o.put("name", t.name());
                if (t.topicId() == null || t.topicId().equals(Uuid.ZERO)) {
                    o.putNull("topicId");
                } else {
                    o.put("topicId", t.topicId().toString());
                }
                o.put("internal", t.isInternal());
            }
            Json.print(out, doc);
        } else {
            topics.forEach(t -> out.println(t.name()));
        }
    }

    private static void describe(ClusterConnection connection, TopicCommandOptions options, PrintStream out)
            throws ExecutionException, InterruptedException {
        List<TopicListing> all = TopicFinder.all(connection, options.excludeInternal());
        List<TopicListing> found;
        if (options.topicId() != null) {
            found = TopicFinder.withId(all, options.topicId(), options.ifExists());
        } else {
            found = TopicFinder.matching(all, options.topicFilter());
            TopicFinder.requireFound(found, all, options.topicFilter(), options.ifExists());
        }
        List<TopicState> topics = TopicDescriber.describe(connection, found.stream().map(TopicListing::name).toList());
        Set<Integer> live = connection.cluster().brokers().stream().map(Node::id).collect(Collectors.toSet());
        TopicDescriptionPrinter printer = new TopicDescriptionPrinter(options.partitionFilters(),
                options.topicsWithOverrides(), live);
        if (options.common().output() == OutputFormat.JSON) {
            printer.printJson(topics, out);
        } else {
            printer.printText(topics, out);
        }
    }

    private static void create(ClusterConnection connection, TopicCommandOptions options, PrintStream out, PrintStream err)
            throws ExecutionException, InterruptedException {
        String topic = options.topic();
        if (topic.contains(".") || topic.contains("_")) {
            // Kafka's warning, on stderr rather than mixed into the output.
            err.println(NAME + ": warning: due to limitations in metric names, topics with a period ('.') or underscore "
                    + "('_') could collide; to avoid issues it is best to use either, but not both");
        }
        NewTopic newTopic = options.replicaAssignment().isEmpty()
                ? new NewTopic(topic, Optional.ofNullable(options.partitions()),
                        Optional.ofNullable(options.replicationFactor()).map(Integer::shortValue))
                : new NewTopic(topic, options.replicaAssignment());
        newTopic.configs(options.configs());
        try {
            connection.await(connection.admin().createTopics(List.of(newTopic)).all());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException && options.ifNotExists()) {
                return;
            }
            throw e;
        }
        out.println("Created topic " + topic + ".");
    }

    private static void alter(ClusterConnection connection, TopicCommandOptions options)
            throws ExecutionException, InterruptedException {
        List<TopicListing> all = TopicFinder.all(connection, false);
        List<TopicListing> found = TopicFinder.matching(all, options.topicFilter());
        TopicFinder.requireFound(found, all, options.topicFilter(), options.ifExists());
        if (found.isEmpty()) {
            return;
        }
        List<String> names = found.stream().map(TopicListing::name).toList();
        Map<String, NewPartitions> increases = new LinkedHashMap<>();
        if (options.replicaAssignment().isEmpty()) {
            names.forEach(n -> increases.put(n, NewPartitions.increaseTo(options.partitions())));
        } else {
            Map<String, TopicDescription> current = connection.await(connection.admin().describeTopics(names).allTopicNames());
            for (String name : names) {
                // As in Kafka's tool, the assignment lists every partition; the existing ones are skipped.
                int existing = current.get(name).partitions().size();
                List<List<Integer>> added = new ArrayList<>();
                options.replicaAssignment().forEach((p, replicas) -> {
                    if (p >= existing) {
                        added.add(replicas);
                    }
                });
                increases.put(name, NewPartitions.increaseTo(options.partitions(), added));
            }
        }
        connection.await(connection.admin().createPartitions(increases).all());
    }

    private static void delete(ClusterConnection connection, TopicCommandOptions options)
            throws ExecutionException, InterruptedException {
        List<TopicListing> all = TopicFinder.all(connection, false);
        List<TopicListing> found = TopicFinder.matching(all, options.topicFilter());
        TopicFinder.requireFound(found, all, options.topicFilter(), options.ifExists());
        if (!found.isEmpty()) {
            connection.await(connection.admin().deleteTopics(found.stream().map(TopicListing::name).toList()).all());
        }
    }
}
