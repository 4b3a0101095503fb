package io.samsa.tools.topics;

import io.samsa.common.Uuid;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code samsa-topics}' command line: Kafka 3.9's {@code kafka-topics} flags and its rules about
 * which go together, plus the shared options ({@link CommonOptions}). Everything that can be
 * checked without the cluster is checked here, as a usage error: the action, the options it needs
 * and allows, numbers in range, the replica assignment, the {@code --topic} pattern and the
 * {@code --config} names. Immutable.
 *
 * @param topic             the {@code --topic} argument, or null
 * @param topicFilter       what {@code --topic} matches, or null for every topic
 * @param partitions        {@code --partitions}, or null
 * @param replicationFactor {@code --replication-factor}, or null
 * @param replicaAssignment {@code --replica-assignment} by partition, empty when not given
 * @param configs           {@code --config} overrides in order
 * @param topicId           {@code --topic-id} (not the zero id, which Kafka's tool ignores), or null; with
 *                          {@code --describe}, it wins over {@code --topic}
 */
record TopicCommandOptions(TopicAction action, CommonSettings common, String topic, TopicFilter topicFilter,
                           Integer partitions, Integer replicationFactor, Map<Integer, List<Integer>> replicaAssignment,
                           Map<String, String> configs, boolean ifExists, boolean ifNotExists, boolean excludeInternal,
                           Set<PartitionFilter> partitionFilters, boolean topicsWithOverrides, Uuid topicId) {

    static final String DESCRIPTION = "samsa-topics: creates, lists, describes, alters (adds partitions to) and deletes "
            + "topics, with Kafka's kafka-topics flags.\n"
            + "Usage: samsa-topics.sh --bootstrap-server HOST:PORT --list | --describe | --create | --alter | --delete "
            + "[--topic TOPIC] [options]\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line.";

    /** The options and, for each, the actions it may go with. */
    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
        final Map<TopicAction, OptionSpec<Void>> actions = new EnumMap<>(TopicAction.class);
        final OptionSpec<String> topic;
        final OptionSpec<Integer> partitions;
        final OptionSpec<Integer> replicationFactor;
        final OptionSpec<String> replicaAssignment;
        final OptionSpec<String> config;
        final OptionSpec<Void> ifExists;
        final OptionSpec<Void> ifNotExists;
        final OptionSpec<Void> excludeInternal;
        final Map<PartitionFilter, OptionSpec<Void>> filters = new EnumMap<>(PartitionFilter.class);
        final OptionSpec<Void> topicsWithOverrides;
        final OptionSpec<String> topicId;
        final OptionSpec<String> deleteConfig;
        final OptionSpec<Integer> partitionSizeLimit;

        Parser() {
            actions.put(TopicAction.LIST, parser.accepts("list", "List the topics' names."));
            actions.put(TopicAction.DESCRIBE, parser.accepts("describe", "Describe topics: partitions, leaders, "
                    + "replicas, in-sync replicas and configs."));
            actions.put(TopicAction.CREATE, parser.accepts("create", "Create a topic."));
            actions.put(TopicAction.ALTER, parser.accepts("alter", "Add partitions to topics (configs are changed "
                    + "with samsa-configs.sh)."));
            actions.put(TopicAction.DELETE, parser.accepts("delete", "Delete topics."));
            topic = parser.accepts("topic", "The topic to create, or a regular expression of the topics to alter, "
                    + "describe, list or delete (a comma means 'or'; quote it and escape dots for an exact name: "
                    + "\"my\\.topic\").").withRequiredArg().describedAs("topic");
            partitions = parser.accepts("partitions", "With --create, the partition count (default: the brokers' "
                    + "num.partitions); with --alter, the new, larger count.").withRequiredArg().ofType(Integer.class)
                    .describedAs("count");
            replicationFactor = parser.accepts("replication-factor", "With --create, the replicas of each partition "
                    + "(default: the brokers' default.replication.factor).").withRequiredArg().ofType(Integer.class)
                    .describedAs("count");
            replicaAssignment = parser.accepts("replica-assignment", "With --create or --alter, the brokers of each "
                    + "partition, preferred leader first.").withRequiredArg()
                    .describedAs("p0r1:p0r2,p1r1:p1r2,...");
            config = parser.accepts("config", "With --create, a topic config override; repeat for several.")
                    .withRequiredArg().describedAs("name=value");
            ifExists = parser.accepts("if-exists", "With --alter, --delete or --describe, do nothing (and succeed) "
                    + "when the topic does not exist.");
            ifNotExists = parser.accepts("if-not-exists", "With --create, do nothing (and succeed) when the topic "
                    + "exists.");
            excludeInternal = parser.accepts("exclude-internal", "With --list or --describe, leave out internal "
                    + "topics such as __consumer_offsets.");
            for (PartitionFilter f : PartitionFilter.values()) {
                filters.put(f, parser.accepts(f.option(), f.description()));
            }
            topicsWithOverrides = parser.accepts("topics-with-overrides", "With --describe, only topics that override "
                    + "a config themselves, without their partitions.");
            topicId = parser.accepts("topic-id", "With --describe, the topic with this id (as --describe prints it); "
                    + "wins over --topic.").withRequiredArg().describedAs("topic-id");
            deleteConfig = parser.accepts("delete-config", "Refused, as by Kafka 3.9's kafka-topics with "
                    + "--bootstrap-server: remove a topic config override with samsa-configs.sh --alter --delete-config.")
                    .withRequiredArg().describedAs("name");
            partitionSizeLimit = parser.accepts("partition-size-limit-per-response", "With --describe, accepted for "
                    + "Kafka's command lines; it pages DescribeTopicPartitions, which ZooKeeper-mode clusters do not "
                    + "serve, so it changes nothing.").withRequiredArg().ofType(Integer.class).describedAs("count");
        }

        TopicCommandOptions read(OptionSet set) throws UsageException {
            TopicAction action = action(set);
            CommonSettings settings = common.read(set);
            if (set.has(deleteConfig)) {
                throw new UsageException("--delete-config cannot go with --bootstrap-server (nor can it in Kafka 3.9); "
                        + "remove a topic's config override with samsa-configs.sh --alter --entity-type topics "
                        + "--entity-name TOPIC --delete-config " + set.valueOf(deleteConfig));
            }
            onlyWith(set, topicId, TopicAction.DESCRIBE);
            onlyWith(set, partitionSizeLimit, TopicAction.DESCRIBE);
            if (set.has(partitionSizeLimit) && set.valueOf(partitionSizeLimit) < 1) {
                throw new UsageException("--partition-size-limit-per-response must be at least 1, not "
                        + set.valueOf(partitionSizeLimit));
            }
            Uuid id = set.has(topicId) ? topicId(set.valueOf(topicId)) : null;
            onlyWith(set, config, TopicAction.CREATE);
            onlyWith(set, partitions, TopicAction.CREATE, TopicAction.ALTER);
            onlyWith(set, replicationFactor, TopicAction.CREATE);
            onlyWith(set, replicaAssignment, TopicAction.CREATE, TopicAction.ALTER);
            onlyWith(set, ifExists, TopicAction.ALTER, TopicAction.DELETE, TopicAction.DESCRIBE);
            onlyWith(set, ifNotExists, TopicAction.CREATE);
            onlyWith(set, excludeInternal, TopicAction.LIST, TopicAction.DESCRIBE);
            onlyWith(set, topicsWithOverrides, TopicAction.DESCRIBE);
            Set<PartitionFilter> partitionFilters = EnumSet.noneOf(PartitionFilter.class);
            for (Map.Entry<PartitionFilter, OptionSpec<Void>> f : filters.entrySet()) {
                onlyWith(set, f.getValue(), TopicAction.DESCRIBE);
                if (set.has(f.getValue())) {
                    partitionFilters.add(f.getKey());
                }
            }
            if (!partitionFilters.isEmpty() && set.has(topicsWithOverrides)) {
                throw new UsageException("--topics-with-overrides shows no partitions, so it cannot go with --"
                        + partitionFilters.iterator().next().option());
            }
            if (settings.output() == OutputFormat.JSON && action != TopicAction.LIST && action != TopicAction.DESCRIBE) {
                throw new UsageException("--output json goes with --list and --describe only");
            }
            if (action == TopicAction.CREATE || action == TopicAction.ALTER || action == TopicAction.DELETE) {
                CommandLine.require(set, topic);
            }
            if (action == TopicAction.DESCRIBE && set.has(ifExists) && !set.has(topic) && !set.has(topicId)) {
                throw new UsageException("--describe --if-exists needs --topic or --topic-id");
            }
            if (action == TopicAction.ALTER && set.has(config)) {
                throw new UsageException("--alter changes the partition count only; change a topic's configs with "
                        + "samsa-configs.sh --alter");
            }
            if (action == TopicAction.ALTER) {
                CommandLine.require(set, partitions);
            }
            if (action == TopicAction.CREATE && set.has(replicaAssignment)
                    && (set.has(partitions) || set.has(replicationFactor))) {
                throw new UsageException("--replica-assignment gives the partitions and their replicas, so it cannot go "
                        + "with --partitions or --replication-factor");
            }
            Integer partitionCount = set.valueOf(partitions);
            if (partitionCount != null && partitionCount < 1) {
                throw new UsageException("--partitions must be at least 1, not " + partitionCount);
            }
            Integer rf = set.valueOf(replicationFactor);
            if (rf != null && (rf < 1 || rf > Short.MAX_VALUE)) {
                throw new UsageException("--replication-factor must be between 1 and " + Short.MAX_VALUE + ", not " + rf);
            }
            String topicArg = set.valueOf(topic);
            if (topicArg != null && topicArg.isBlank()) {
                throw new UsageException("--topic needs a topic name");
            }
            TopicFilter filter = topicArg == null || action == TopicAction.CREATE ? null : TopicFilter.of(topicArg);
            Map<Integer, List<Integer>> assignment = set.has(replicaAssignment)
                    ? ReplicaAssignment.parse(set.valueOf(replicaAssignment)) : Map.of();
            return new TopicCommandOptions(action, settings, topicArg, filter, partitionCount, rf, assignment,
                    TopicConfigArgs.parse(set.valuesOf(config)), set.has(ifExists), set.has(ifNotExists),
                    set.has(excludeInternal), partitionFilters, set.has(topicsWithOverrides), id);
        }

        /** The id, or null for the zero id, which Kafka's tool takes as "use --topic". */
        private static Uuid topicId(String text) throws UsageException {
            Uuid id;
            try {
                id = Uuid.fromString(text.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--topic-id '" + text + "' is not a topic id (22 characters of URL-safe base64, "
                        + "as --describe prints it)");
            }
            return id.equals(Uuid.ZERO) ? null : id;
        }

        private TopicAction action(OptionSet set) throws UsageException {
            List<TopicAction> given = new ArrayList<>();
            for (Map.Entry<TopicAction, OptionSpec<Void>> a : actions.entrySet()) {
                if (set.has(a.getValue())) {
                    given.add(a.getKey());
                }
            }
            if (given.size() != 1) {
                throw new UsageException("give exactly one action: --list, --describe, --create, --alter or --delete"
                        + (given.isEmpty() ? "" : " (not " + String.join(" and ", given.stream().map(TopicAction::flag).toList()) + ")"));
            }
            return given.get(0);
        }

        private void onlyWith(OptionSet set, OptionSpec<?> option, TopicAction... allowed) throws UsageException {
            if (!set.has(option)) {
                return;
            }
            for (TopicAction a : allowed) {
                if (set.has(actions.get(a))) {
                    return;
                }
            }
            List<String> flags = List.of(allowed).stream().map(TopicAction::flag).toList();
            throw new UsageException(CommandLine.flag(option) + " goes with " + String.join(" or ", flags) + " only");
        }
    }

    TopicCommandOptions {
        replicaAssignment = Collections.unmodifiableMap(new TreeMap<>(replicaAssignment));
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        partitionFilters = partitionFilters.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(partitionFilters));
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static TopicCommandOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
