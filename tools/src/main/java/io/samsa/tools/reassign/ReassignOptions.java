package io.samsa.tools.reassign;

import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code samsa-reassign-partitions}' command line: Kafka 3.9's {@code kafka-reassign-partitions}
 * actions and options with Kafka's rules about which go together, plus the shared options
 * ({@link CommonOptions}: its {@code --timeout} is how long to wait for the cluster, where Kafka's
 * is how long to wait for log directory moves, which Samsa's tool does not make) and one of
 * Samsa's: {@code --wait}, with {@code --execute} or {@code --verify}, waits until the partitions
 * have moved (a progress line on a terminal), then verifies and lifts the throttles.
 * Immutable.
 *
 * @param brokers        {@code --broker-list}, in order, or empty
 * @param throttle       {@code --throttle} in bytes/s, or -1 for none
 * @param logDirThrottle {@code --replica-alter-log-dirs-throttle} in bytes/s, or -1 for none: Kafka
 *                       sets it on the brokers whose replicas move between log directories, and
 *                       this tool makes no such moves, so it is only reported as not needed
 */
record ReassignOptions(ReassignAction action, CommonSettings common, Path reassignmentFile, Path topicsFile,
                       List<Integer> brokers, boolean disableRackAware, long throttle, long logDirThrottle,
                       boolean additional, boolean preserveThrottles, boolean await) {

    static final String DESCRIPTION = "samsa-reassign-partitions: moves partitions' replicas between brokers, with "
            + "Kafka's kafka-reassign-partitions actions and JSON files; --generate balances the brokers by bytes.\n"
            + "Usage: samsa-reassign-partitions.sh --bootstrap-server HOST:PORT --generate --topics-to-move-json-file F "
            + "--broker-list 0,1,2 | --execute --reassignment-json-file F [--throttle B/S] [--wait] | --verify "
            + "--reassignment-json-file F [--wait] | --cancel --reassignment-json-file F | --list\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line.";

    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
        final Map<ReassignAction, OptionSpec<Void>> actions = new EnumMap<>(ReassignAction.class);
        final OptionSpec<String> reassignmentFile;
        final OptionSpec<String> topicsFile;
        final OptionSpec<String> brokerList;
        final OptionSpec<Void> disableRackAware;
        final OptionSpec<Long> throttle;
        final OptionSpec<Long> logDirThrottle;
        final OptionSpec<Void> additional;
        final OptionSpec<Void> preserveThrottles;
        final OptionSpec<Void> await;
        final Map<OptionSpec<?>, Set<ReassignAction>> allowed = new LinkedHashMap<>();

        Parser() {
            actions.put(ReassignAction.GENERATE, parser.accepts("generate", "Propose a placement of the replicas of "
                    + "the topics in --topics-to-move-json-file on the brokers of --broker-list, even in bytes per "
                    + "broker and in leaders; prints the current and the proposed assignment (nothing is moved)."));
            actions.put(ReassignAction.EXECUTE, parser.accepts("execute", "Start the reassignment in "
                    + "--reassignment-json-file; prints the current assignment, to roll back with."));
            actions.put(ReassignAction.VERIFY, parser.accepts("verify", "Report each partition of "
                    + "--reassignment-json-file as completed or still in progress; once no reassignment is in "
                    + "progress, lift the throttles."));
            actions.put(ReassignAction.CANCEL, parser.accepts("cancel", "Cancel the reassignments of the partitions "
                    + "in --reassignment-json-file that are in progress (their replicas go back), and lift the "
                    + "throttles."));
            actions.put(ReassignAction.LIST, parser.accepts("list", "List the reassignments in progress."));
            reassignmentFile = parser.accepts("reassignment-json-file", "The reassignment, as Kafka writes it: "
                    + "{\"version\":1,\"partitions\":[{\"topic\":\"foo\",\"partition\":1,\"replicas\":[1,2,3]}]} "
                    + "(\"log_dirs\" may only say \"any\").").withRequiredArg().describedAs("file");
            topicsFile = parser.accepts("topics-to-move-json-file", "The topics to place: "
                    + "{\"version\":1,\"topics\":[{\"topic\":\"foo\"},{\"topic\":\"bar\"}]}.").withRequiredArg()
                    .describedAs("file");
            brokerList = parser.accepts("broker-list", "The brokers to place the replicas on.").withRequiredArg()
                    .describedAs("0,1,2");
            disableRackAware = parser.accepts("disable-rack-aware", "Place replicas without regard to the brokers' "
                    + "racks.");
            throttle = parser.accepts("throttle", "Limit replication of the moving partitions to this many bytes/s "
                    + "(the topics' leader/follower.replication.throttled.replicas and the brokers' "
                    + "leader/follower.replication.throttled.rate, as Kafka sets them).").withRequiredArg()
                    .ofType(Long.class).defaultsTo(-1L).describedAs("bytes/s");
            logDirThrottle = parser.accepts("replica-alter-log-dirs-throttle", "Kafka's limit on moves between log "
                    + "directories of one broker; accepted, but this tool makes no such moves (\"log_dirs\" may only "
                    + "say \"any\"), so no broker needs it.").withRequiredArg().ofType(Long.class)
                    .defaultsTo(-1L).describedAs("bytes/s");
            additional = parser.accepts("additional", "Start this reassignment although others are in progress (also "
                    + "to change the throttle of one in progress by submitting it again).");
            preserveThrottles = parser.accepts("preserve-throttles", "Leave the throttles as they are.");
            await = parser.accepts("wait", "Wait until the partitions have moved, showing progress on a terminal, "
                    + "then verify and lift the throttles.");
            allowed.put(reassignmentFile, EnumSet.of(ReassignAction.EXECUTE, ReassignAction.VERIFY, ReassignAction.CANCEL));
            allowed.put(topicsFile, EnumSet.of(ReassignAction.GENERATE));
            allowed.put(brokerList, EnumSet.of(ReassignAction.GENERATE));
            allowed.put(disableRackAware, EnumSet.of(ReassignAction.GENERATE));
            allowed.put(throttle, EnumSet.of(ReassignAction.EXECUTE));
            allowed.put(logDirThrottle, EnumSet.of(ReassignAction.EXECUTE));
            allowed.put(additional, EnumSet.of(ReassignAction.EXECUTE));
            allowed.put(preserveThrottles, EnumSet.of(ReassignAction.VERIFY, ReassignAction.CANCEL));
            allowed.put(await, EnumSet.of(ReassignAction.EXECUTE, ReassignAction.VERIFY));
        }

        ReassignOptions read(OptionSet set) throws UsageException {
            List<ReassignAction> given = new ArrayList<>();
            actions.forEach((a, spec) -> {
                if (set.has(spec)) {
                    given.add(a);
                }
            });
            if (given.size() != 1) {
                throw new UsageException("give exactly one action: --generate, --execute, --verify, --cancel or --list"
                        + (given.isEmpty() ? "" : " (not " + String.join(" and ", given.stream().map(ReassignAction::flag).toList()) + ")"));
            }
            ReassignAction action = given.get(0);
            CommonSettings settings = common.read(set);
            for (Map.Entry<OptionSpec<?>, Set<ReassignAction>> e : allowed.entrySet()) {
                if (set.has(e.getKey()) && !e.getValue().contains(action)) {
                    throw new UsageException(CommandLine.flag(e.getKey()) + " goes with " + String.join(" or ",
                            e.getValue().stream().map(ReassignAction::flag).toList()) + " only");
                }
            }
            if (settings.output() == OutputFormat.JSON && action != ReassignAction.LIST && action != ReassignAction.VERIFY) {
                throw new UsageException("--output json goes with --list and --verify only (--generate prints JSON anyway)");
            }
            if (action == ReassignAction.GENERATE) {
                CommandLine.require(set, topicsFile);
                CommandLine.require(set, brokerList);
            } else if (action != ReassignAction.LIST) {
                CommandLine.require(set, reassignmentFile);
            }
            long throttleValue = set.valueOf(throttle);
            if (set.has(throttle) && throttleValue < 1) {
                throw new UsageException("--throttle must be a positive number of bytes/s, not " + throttleValue);
            }
            long logDirThrottleValue = set.valueOf(logDirThrottle);
            if (set.has(logDirThrottle) && logDirThrottleValue < 0) {
                throw new UsageException("--replica-alter-log-dirs-throttle must not be negative, not " + logDirThrottleValue);
            }
            return new ReassignOptions(action, settings, path(set, reassignmentFile), path(set, topicsFile),
                    set.has(brokerList) ? brokers(set.valueOf(brokerList)) : List.of(), set.has(disableRackAware),
                    throttleValue, logDirThrottleValue, set.has(additional), set.has(preserveThrottles), set.has(await));
        }

        private static Path path(OptionSet set, OptionSpec<String> spec) {
            return set.has(spec) ? Path.of(set.valueOf(spec)) : null;
        }
    }

    /** {@code 0,1,2} as ids; a word that is not a number, or an id given twice, is a usage error. */
    static List<Integer> brokers(String list) throws UsageException {
        List<Integer> ids = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int id;
            try {
                id = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new UsageException("--broker-list: '" + p + "' is not a broker id");
            }
            if (id < 0) {
                throw new UsageException("--broker-list: '" + p + "' is not a broker id");
            }
            if (!seen.add(id)) {
                throw new UsageException("--broker-list names broker " + id + " twice");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            throw new UsageException("--broker-list needs at least one broker id");
        }
        return List.copyOf(ids);
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static ReassignOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
