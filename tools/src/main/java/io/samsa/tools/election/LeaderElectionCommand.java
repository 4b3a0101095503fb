package io.samsa.tools.election;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.FailureMessages;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.PartitionsFile;
import io.samsa.tools.cli.Tool;
import io.samsa.tools.cli.ToolFailure;
import io.samsa.tools.cli.ToolRunner;
import io.samsa.tools.cli.UsageException;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bin/samsa-leader-election.sh}: Kafka's {@code kafka-leader-election} over Samsa's
 * {@code Admin}, with its flags ({@link LeaderElectionOptions}) and its lines
 * ({@link ElectionResults}): {@code Successfully completed leader election (PREFERRED) for
 * partitions t-0, t-1}, {@code Valid replica already elected for partitions t-2}, and per failed
 * partition {@code Error completing leader election (PREFERRED) for partition: t-3: why} (on
 * stderr here, then exit 1). Every topic and partition named is checked, with a "did you mean" for
 * a topic, before the election is asked for. Exit status: see {@link ToolRunner}.
 *
 * <p>Stateless: each run opens its own connection.
 */
public final class LeaderElectionCommand implements Tool<LeaderElectionOptions> {

    static final String NAME = "samsa-leader-election";

    public static void main(String[] args) {
        ToolRunner.main(new LeaderElectionCommand(), args);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LeaderElectionOptions parse(String[] args) throws UsageException {
        return LeaderElectionOptions.parse(args);
    }

    @Override
    public void printUsage(PrintStream out) {
        LeaderElectionOptions.printUsage(out);
    }

    @Override
    public boolean verbose(LeaderElectionOptions options) {
        return options.common().verbose();
    }

    @Override
    public void run(LeaderElectionOptions options, PrintStream out, PrintStream err) throws Exception {
        Set<TopicPartition> partitions = null;
        if (options.jsonFile() != null) {
            List<TopicPartition> listed = PartitionsFile.read(options.jsonFile(), "--path-to-json-file", (p, entry, invalid) -> p);
            if (listed.isEmpty()) {
                throw new ToolFailure("--path-to-json-file " + options.jsonFile() + " lists no partitions");
            }
            partitions = new TreeSet<>(listed);
        } else if (options.topic() != null) {
            partitions = Set.of(new TopicPartition(options.topic(), options.partition()));
        }
        try (ClusterConnection connection = ClusterConnection.open(options.common(), w -> err.println(NAME + ": warning: " + w))) {
            if (partitions != null) {
                KnownTopics topics = KnownTopics.describe(connection, partitions.stream().map(TopicPartition::topic).toList());
                partitions.forEach(topics::requirePartition);
            }
            Map<TopicPartition, Optional<Throwable>> answer =
                    connection.await(connection.admin().electLeaders(options.electionType(), partitions).partitions());
            ElectionResults results = ElectionResults.of(options.electionType(), answer);
            results.lines().forEach(out::println);
            results.failed().forEach((p, e) -> err.println(NAME + ": " + results.failureLine(p,
                    FailureMessages.describe(e, options.common().verbose()))));
            if (!results.failed().isEmpty()) {
                throw new ToolFailure(results.failed().size() + " replica(s) could not be elected");
            }
        }
    }
}
