package io.samsa.tools.offsets;

import io.samsa.clients.admin.OffsetSpec;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code samsa-get-offsets}' command line: Kafka 3.9's {@code GetOffsetShell} flags
 * ({@code --topic}, {@code --partitions}, {@code --topic-partitions}, {@code --time},
 * {@code --exclude-internal-topics}, the deprecated {@code --broker-list}) plus the shared options
 * ({@link CommonOptions}). Immutable.
 *
 * @param rules      a partition is asked about when any rule allows it
 * @param namedTopic the {@code --topic} argument when it names one topic rather than a pattern, else null
 * @param time       which offset: {@code earliest}, {@code latest}, ... or a timestamp, as given
 * @param spec       the offset spec {@code time} means
 */
record GetOffsetsOptions(CommonSettings common, List<PartitionRule> rules, String namedTopic, String time, OffsetSpec spec,
                         boolean excludeInternal) {

    static final String DESCRIPTION = "samsa-get-offsets: prints partitions' offsets, topic:partition:offset a line, "
            + "with the flags of Kafka's GetOffsetShell (kafka-get-offsets).\n"
            + "Usage: samsa-get-offsets.sh --bootstrap-server HOST:PORT [--topic REGEX [--partitions 0,1] | "
            + "--topic-partitions RULES] [--time earliest|latest|max-timestamp|MS]\n"
            + "A partition without such an offset (no record at or after --time) is left out, as in Kafka's tool.\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line.";

    /** The named offsets, with the numbers Kafka's tool also takes for them. */
    private static final Map<String, Long> NAMED_TIMES = Map.of("latest", -1L, "earliest", -2L, "max-timestamp", -3L,
            "earliest-local", -4L, "latest-tiered", -5L);
    /** Characters that make a --topic argument a pattern ('.' is common in names, so it does not count). */
    private static final Pattern PATTERN_CHARS = Pattern.compile("[*+?\\[\\](){}|^$\\\\,]");

    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
        final OptionSpec<String> topic = parser.accepts("topic", "The topics to get the offsets of, a regular expression "
                + "(every topic without it). Not with --topic-partitions.").withRequiredArg().describedAs("topic");
        final OptionSpec<String> partitions = parser.accepts("partitions", "The partition ids to get the offsets of, "
                + "comma-separated (every partition without it). Not with --topic-partitions.").withRequiredArg()
                .describedAs("ids");
        final OptionSpec<String> topicPartitions = parser.accepts("topic-partitions", "Topic and partition rules, "
                + "comma-separated: topic, topic:N, topic:N-M (M excluded), topic:N-, topic:-M; the topic a regular "
                + "expression, left out for any.").withRequiredArg().describedAs("t1:1,t2:0-3,t3,t4:5-,t5:-3");
        final OptionSpec<String> time = parser.accepts("time", "Which offset: latest (-1), earliest (-2), max-timestamp "
                + "(-3, the record with the largest timestamp), earliest-local (-4), latest-tiered (-5), or the first "
                + "at or after a timestamp in ms.").withRequiredArg().defaultsTo("latest").describedAs("time");
        final OptionSpec<String> brokerList = parser.accepts("broker-list", "Deprecated spelling of "
                + "--bootstrap-server (ignored when it is given).").withRequiredArg().describedAs("host:port,...");
        final OptionSpec<Void> excludeInternal = parser.accepts("exclude-internal-topics", "Leave out internal topics "
                + "such as __consumer_offsets.");

        GetOffsetsOptions read(OptionSet set) throws UsageException {
            CommonSettings settings = common.read(set, brokerList);
            if (set.has(topicPartitions) && (set.has(topic) || set.has(partitions))) {
                throw new UsageException("--topic-partitions cannot be used with --topic or --partitions");
            }
            List<PartitionRule> rules = set.has(topicPartitions) ? PartitionRule.parseAll(set.valueOf(topicPartitions))
                    : List.of(PartitionRule.of(set.valueOf(topic), set.valueOf(partitions)));
            String topicArg = set.valueOf(topic);
            String named = topicArg != null && !PATTERN_CHARS.matcher(topicArg).find() ? topicArg.trim() : null;
            String t = set.valueOf(time).trim();
            return new GetOffsetsOptions(settings, rules, named, t, spec(t), set.has(excludeInternal));
        }
    }

    GetOffsetsOptions {
        rules = List.copyOf(rules);
    }

    /** The offset spec of a {@code --time} value. */
    static OffsetSpec spec(String time) throws UsageException {
        Long value = NAMED_TIMES.get(time);
        if (value == null) {
            try {
                value = Long.parseLong(time);
            } catch (NumberFormatException e) {
                throw new UsageException("--time must be latest, earliest, max-timestamp, earliest-local, latest-tiered "
                        + "or a timestamp in ms, not '" + time + "'" + DidYouMean.hint(time, NAMED_TIMES.keySet()));
            }
        }
        if (value == -1) {
            return OffsetSpec.latest();
        } else if (value == -2) {
            return OffsetSpec.earliest();
        } else if (value == -3) {
            return OffsetSpec.maxTimestamp();
        } else if (value == -4) {
            return OffsetSpec.earliestLocal();
        } else if (value == -5) {
            return OffsetSpec.latestTiered();
        } else if (value < 0) {
            throw new UsageException("--time " + value + " is neither a timestamp nor one of -1 to -5");
        }
        return OffsetSpec.forTimestamp(value);
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static GetOffsetsOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
