package io.samsa.tools.offsets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.ListOffsetsResult;
import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.clients.admin.OffsetSpec;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.common.errors.TimeoutException;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * {@code bin/samsa-get-offsets.sh}: Kafka's {@code GetOffsetShell} over Samsa's {@code Admin}, with
 * its flags ({@link GetOffsetsOptions}) and its output, {@code topic:partition:offset} a line,
 * sorted by topic and then partition number (Kafka's tool sorts {@code t-10} before {@code t-2}).
 * A partition without the offset asked for (no record at or after {@code --time}) is left out, as
 * there. A {@code --topic} naming a topic that does not exist says so, with the nearest names; a
 * partition whose offset could not be looked up is reported on stderr and the tool exits 1 after
 * printing the others. {@code --output json}: {@code {"offsets": [{"topic", "partition",
 * "offset"}]}}. Exit status: see {@link ToolRunner}.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class GetOffsetsCommand implements Tool<GetOffsetsOptions> {

    static final String NAME = "samsa-get-offsets";

    public static void main(String[] args) {
        ToolRunner.main(new GetOffsetsCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GetOffsetsOptions parse(String[] args) throws UsageException {
        return GetOffsetsOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        GetOffsetsOptions.printUsage(out);
    }

    @Override
    public boolean verbose(GetOffsetsOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(GetOffsetsOptions options, PrintStream out, PrintStream err) throws Exception {
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            List<TopicPartition> partitions = partitions(connection, options);
            Map<TopicPartition, Long> offsets = new TreeMap<>();
            int failed = lookUp(connection, partitions, options, offsets, err);
            if (options.common().output() == OutputFormat.JSON) {
                ObjectNode doc = Json.object();
                ArrayNode array = doc.putArray("offsets");
                offsets.forEach((p, o) -> array.addObject().put("topic", p.topic()).put("partition", p.partition()).put("offset", o));
                Json.print(out, doc);
            } else {
                offsets.forEach((p, o) -> out.println(p.topic() + ":" + p.partition() + ":" + o));
            }
            if (failed > 0) {
                throw new ToolFailure("could not get the offsets of " + failed + (failed == 1 ? " partition" : " partitions"));
            }
        }
    }

    /** The partitions the rules allow, in order. */
    private static List<TopicPartition> partitions(ClusterConnection connection, GetOffsetsOptions options)
            throws ExecutionException, InterruptedException {
        Set<String> all = connection.await(connection.admin()
                .listTopics(new ListTopicsOptions().listInternal(!options.excludeInternal())).names());
        if (options.namedTopic() != null && !all.contains(options.namedTopic())) {
            throw new ToolFailure(KnownTopics.doesNotExist(options.namedTopic(), all));
        }
        Set<String> topics = new TreeSet<>();
        for (String t : all) {
            if (options.rules().stream().anyMatch(r -> r.allowsTopic(t))) {
                topics.add(t);
            }
        }
        Map<String, TopicDescription> described = topics.isEmpty() ? Map.of()
                : connection.await(connection.admin().describeTopics(topics).allTopicNames());
        Set<TopicPartition> partitions = new TreeSet<>();
        described.forEach((name, d) -> {
            for (TopicPartitionInfo p : d.partitions()) {
                if (options.rules().stream().anyMatch(r -> r.allows(name, p.partition()))) {
                    partitions.add(new TopicPartition(name, p.partition()));
                }
            }
        });
        if (partitions.isEmpty()) {
            throw new ToolFailure("Could not match any topic-partitions with the specified filters");
        }
        return List.copyOf(partitions);
    }

    /** Puts each partition's offset (leaving out -1) into {@code offsets}; returns how many failed. */
    private static int lookUp(ClusterConnection connection, Collection<TopicPartition> partitions, GetOffsetsOptions options,
                              Map<TopicPartition, Long> offsets, PrintStream err) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, options.spec()));
        ListOffsetsResult result = connection.admin().listOffsets(request);
        int failed = 0;
        for (TopicPartition p : partitions) {
            try {
                long offset = connection.await(result.partitionResult(p)).offset();
                if (offset >= 0) {
                    offsets.put(p, offset);
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TimeoutException) {
                    throw e;
                }
                failed++;
                err.println(NAME + ": skipped " + p + ": " + FailureMessages.describe(e, options.common().verbose()));
            }
        }
        return failed;
    }
}
