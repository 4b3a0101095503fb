package io.samsa.tools.election;

import io.samsa.common.ElectionType;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code samsa-leader-election}'s command line: Kafka 3.9's {@code kafka-leader-election} flags
 * ({@code --election-type}, and one of {@code --topic} with {@code --partition},
 * {@code --all-topic-partitions} or {@code --path-to-json-file}; {@code --admin.config} as another
 * name for {@code --command-config}) plus the shared options ({@link CommonOptions}). Immutable.
 *
 * @param topic         with {@code --topic}, the topic, else null
 * @param partition     with {@code --topic}, the partition
 * @param jsonFile      {@code --path-to-json-file}, or null
 * @param allPartitions {@code --all-topic-partitions}
 */
record LeaderElectionOptions(CommonSettings common, ElectionType electionType, String topic, int partition, Path jsonFile,
                             boolean allPartitions) {

    static final String DESCRIPTION = "samsa-leader-election: elects partitions' leaders, the preferred replica or, "
            + "where no in-sync replica is live, any live one (unclean), with Kafka's kafka-leader-election flags.\n"
            + "Usage: samsa-leader-election.sh --bootstrap-server HOST:PORT --election-type preferred|unclean "
            + "(--topic TOPIC --partition N | --all-topic-partitions | --path-to-json-file FILE)\n"
            + "The file: {\"partitions\": [{\"topic\": \"foo\", \"partition\": 1}]}.\n"
            + "Exit status: 0 done (an election not needed is not a failure), 1 failed (one line on stderr), "
            + "2 bad command line.";

    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, false);
        final OptionSpec<String> adminConfig = parser.accepts("admin.config", "Kafka's name for --command-config.")
                .withRequiredArg().describedAs("file");
        final OptionSpec<String> electionType = parser.accepts("election-type", "REQUIRED: preferred (the first assigned "
                + "replica, if in sync and not leading already) or unclean (any live replica, if no in-sync one is).")
                .withRequiredArg().describedAs("preferred|unclean");
        final OptionSpec<String> topic = parser.accepts("topic", "The topic of the partition to elect a leader for "
                + "(with --partition).").withRequiredArg().describedAs("topic");
        final OptionSpec<Integer> partition = parser.accepts("partition", "The partition to elect a leader for (with "
                + "--topic).").withRequiredArg().ofType(Integer.class).describedAs("id");
        final OptionSpec<Void> allPartitions = parser.accepts("all-topic-partitions", "Every partition the election type "
                + "applies to.");
        final OptionSpec<String> jsonFile = parser.accepts("path-to-json-file", "A JSON file of the partitions: "
                + "{\"partitions\": [{\"topic\": \"foo\", \"partition\": 1}]}.").withRequiredArg().describedAs("file");

        LeaderElectionOptions read(OptionSet set) throws UsageException {
            CommonSettings settings = common.read(set);
            if (set.has(adminConfig)) {
                if (settings.commandConfig() != null) {
                    throw new UsageException("give --command-config or --admin.config, not both");
                }
                settings = new CommonSettings(settings.bootstrapServer(), Path.of(set.valueOf(adminConfig)),
                        settings.timeoutMs(), settings.verbose(), settings.output());
            }
            CommandLine.require(set, electionType);
            ElectionType type = electionType(set.valueOf(electionType));
            int scopes = (set.has(topic) ? 1 : 0) + (set.has(allPartitions) ? 1 : 0) + (set.has(jsonFile) ? 1 : 0);
            if (scopes != 1) {
                throw new UsageException("give one of --topic (with --partition), --all-topic-partitions and --path-to-json-file");
            }
            if (set.has(topic)) {
                CommandLine.require(set, partition);
                if (set.valueOf(topic).isBlank()) {
                    throw new UsageException("--topic needs a topic name");
                }
                if (set.valueOf(partition) < 0) {
                    throw new UsageException("--partition must not be negative, not " + set.valueOf(partition));
                }
            } else if (set.has(partition)) {
                throw new UsageException("--partition goes with --topic only");
            }
            return new LeaderElectionOptions(settings, type, set.has(topic) ? set.valueOf(topic).trim() : null,
                    set.has(partition) ? set.valueOf(partition) : -1,
                    set.has(jsonFile) ? Path.of(set.valueOf(jsonFile)) : null, set.has(allPartitions));
        }
    }

    /** {@code preferred} or {@code unclean}, in any case. */
    static ElectionType electionType(String text) throws UsageException {
        for (ElectionType t : ElectionType.values()) {
            if (t.name().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new UsageException("--election-type must be preferred or unclean, not '" + text + "'"
                + DidYouMean.hint(text.trim().toLowerCase(Locale.ROOT), List.of("preferred", "unclean")));
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static LeaderElectionOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
