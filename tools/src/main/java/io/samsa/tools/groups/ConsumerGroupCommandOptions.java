package io.samsa.tools.groups;

import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;
import io.samsa.tools.cli.CommandLine;
import io.samsa.tools.cli.CommonOptions;
import io.samsa.tools.cli.CommonSettings;
import io.samsa.tools.cli.DidYouMean;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code samsa-consumer-groups}' command line: Kafka 3.9's {@code kafka-consumer-groups} flags and
 * its rules about which go together, plus the shared options ({@link CommonOptions}), with one
 * difference: {@code --reset-offsets} needs {@code --dry-run} or {@code --execute}, where Kafka's
 * tool silently only plans. Everything that can be checked without the cluster is checked here, as
 * a usage error. Immutable.
 *
 * @param groups     the {@code --group}s, in order, without repeats; empty with {@code --all-groups}
 * @param topics     the {@code --topic}s of {@code --reset-offsets} or {@code --delete-offsets}
 * @param view       what {@code --describe} shows
 * @param listStates with {@code --list --state}, the states to list (empty for every state), else null
 * @param reset      the {@code --reset-offsets} scenario, or null
 * @param execute    whether {@code --reset-offsets} commits its plan ({@code --execute}) or only prints it
 * @param listTypes  with {@code --list --type}, the types to list (empty for every type), else null
 * @param export     whether {@code --reset-offsets} prints its plan as Kafka's CSV ({@code --export})
 * @param fromFile   {@code --from-file}'s CSV plan, or null
 */
record ConsumerGroupCommandOptions(GroupAction action, CommonSettings common, List<String> groups, boolean allGroups,
                                   List<TopicScope> topics, boolean allTopics, DescribeView view,
                                   Set<ConsumerGroupState> listStates, ResetSpec reset, boolean execute,
                                   Set<GroupType> listTypes, boolean export, Path fromFile) {

    static final String DESCRIPTION = "samsa-consumer-groups: lists, describes and deletes consumer groups, and "
            + "deletes or resets their offsets, with Kafka's kafka-consumer-groups flags.\n"
            + "Usage: samsa-consumer-groups.sh --bootstrap-server HOST:PORT --list | --describe | --delete | "
            + "--delete-offsets | --reset-offsets [--group GROUP | --all-groups] [options]\n"
            + "--list --state/--type adds the groups' states/types, or lists only those given. "
            + "--describe shows each partition's offsets and lag, and each group's total lag; --members and --state "
            + "show the members and the state instead (--members --verbose adds their partitions). --output json prints "
            + "all of it. --reset-offsets needs --dry-run (print the plan) or --execute (commit it); --export prints the plan as "
            + "CSV for --from-file.\n"
            + "Exit status: 0 done, 1 failed (one line on stderr), 2 bad command line.";

    /** The options and, for each, the actions it may go with. */
    private static final class Parser extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
        final Map<GroupAction, OptionSpec<Void>> actions = new EnumMap<>(GroupAction.class);
        final OptionSpec<String> group;
        final OptionSpec<Void> allGroups;
        final OptionSpec<String> topic;
        final OptionSpec<Void> allTopics;
        final OptionSpec<Void> members;
        final OptionSpec<Void> offsets;
        final OptionSpec<String> state;
        final OptionSpec<Void> dryRun;
        final OptionSpec<Void> execute;
        final OptionSpec<String> type;
        final OptionSpec<Void> export;
        final Map<ResetSpec.Kind, OptionSpec<?>> scenarios = new EnumMap<>(ResetSpec.Kind.class);

        Parser() {
            actions.put(GroupAction.LIST, parser.accepts("list", "List the consumer groups."));
            actions.put(GroupAction.DESCRIBE, parser.accepts("describe", "Describe consumer groups: each partition's "
                    + "committed offset, log end offset and lag (and the group's total lag), or with --members or "
                    + "--state the members or the state."));
            actions.put(GroupAction.DELETE, parser.accepts("delete", "Delete consumer groups (their offsets and "
                    + "membership); a group with active members cannot be deleted."));
            actions.put(GroupAction.DELETE_OFFSETS, parser.accepts("delete-offsets", "Delete one group's committed "
                    + "offsets of the --topic(s)."));
            actions.put(GroupAction.RESET_OFFSETS, parser.accepts("reset-offsets", "Reset the committed offsets of "
                    + "inactive groups: one scenario (--to-earliest, --to-latest, --to-current, --to-offset, --shift-by, "
                    + "--to-datetime, --by-duration), a scope (--topic or --all-topics), and --dry-run or --execute. "
                    + "Prints each partition's offset before and after."));
            group = parser.accepts("group", "The consumer group; repeat for several.").withRequiredArg()
                    .describedAs("group");
            allGroups = parser.accepts("all-groups", "With --describe, --delete or --reset-offsets, every consumer group.");
            topic = parser.accepts("topic", "With --reset-offsets or --delete-offsets, a topic, or some of its "
                    + "partitions as topic:0,1,2; repeat for several.").withRequiredArg().describedAs("topic[:p,p]");
            allTopics = parser.accepts("all-topics", "With --reset-offsets, every partition the group has an offset for.");
            members = parser.accepts("members", "With --describe, the members: id, host, client id, partition count "
                    + "(and with --verbose their partitions).");
            offsets = parser.accepts("offsets", "With --describe, each partition's offsets and lag (the default).");
            state = parser.accepts("state", "With --describe, each group's coordinator, assignment strategy, state and "
                    + "member count; with --list, the groups' states, or only the groups in the states given "
                    + "(comma-separated, e.g. Stable,Empty).").withOptionalArg().describedAs("states");
            dryRun = parser.accepts("dry-run", "With --reset-offsets, print the new offsets without committing them.");
            execute = parser.accepts("execute", "With --reset-offsets, commit the new offsets.");
            type = parser.accepts("type", "With --list, the groups' types, or only the groups of the types given "
                    + "(comma-separated: classic, consumer).").withOptionalArg().describedAs("types");
            export = parser.accepts("export", "With --reset-offsets, print the plan as Kafka's CSV, topic,partition,offset "
                    + "for one --group, else group,topic,partition,offset, which --from-file reads back.");
            scenarios.put(ResetSpec.Kind.TO_EARLIEST, parser.accepts("to-earliest", "Reset to each partition's log start "
                    + "offset."));
            scenarios.put(ResetSpec.Kind.TO_LATEST, parser.accepts("to-latest", "Reset to each partition's log end offset."));
            scenarios.put(ResetSpec.Kind.TO_CURRENT, parser.accepts("to-current", "Reset to the committed offset (the log "
                    + "end offset where there is none)."));
            scenarios.put(ResetSpec.Kind.TO_OFFSET, parser.accepts("to-offset", "Reset to this offset (kept within each "
                    + "partition's log).").withRequiredArg().ofType(Long.class).describedAs("offset"));
            scenarios.put(ResetSpec.Kind.SHIFT_BY, parser.accepts("shift-by", "Move the committed offset by n, forward or "
                    + "back (kept within each partition's log).").withRequiredArg().ofType(Long.class).describedAs("n"));
            scenarios.put(ResetSpec.Kind.TO_DATETIME, parser.accepts("to-datetime", "Reset to the first record at or "
                    + "after this time, YYYY-MM-DDTHH:mm:SS.sss (UTC unless a zone such as +02:00 follows).")
                    .withRequiredArg().describedAs("datetime"));
            scenarios.put(ResetSpec.Kind.BY_DURATION, parser.accepts("by-duration", "Reset to the first record at or after "
                    + "this long ago, PnDTnHnMnS (e.g. PT1H).").withRequiredArg().describedAs("duration"));
            scenarios.put(ResetSpec.Kind.FROM_FILE, parser.accepts("from-file", "Reset to the offsets of a CSV file as "
                    + "--export writes it (it names the partitions, so no --topic or --all-topics).").withRequiredArg()
                    .describedAs("csv file"));
        }

        ConsumerGroupCommandOptions read(OptionSet set) throws UsageException {
            GroupAction action = action(set);
            CommonSettings settings = common.read(set);
            onlyWith(set, group, GroupAction.DESCRIBE, GroupAction.DELETE, GroupAction.DELETE_OFFSETS, GroupAction.RESET_OFFSETS);
            onlyWith(set, allGroups, GroupAction.DESCRIBE, GroupAction.DELETE, GroupAction.RESET_OFFSETS);
            onlyWith(set, topic, GroupAction.DELETE_OFFSETS, GroupAction.RESET_OFFSETS);
            onlyWith(set, allTopics, GroupAction.RESET_OFFSETS);
            onlyWith(set, members, GroupAction.DESCRIBE);
            onlyWith(set, offsets, GroupAction.DESCRIBE);
            onlyWith(set, state, GroupAction.DESCRIBE, GroupAction.LIST);
            onlyWith(set, dryRun, GroupAction.RESET_OFFSETS);
            onlyWith(set, execute, GroupAction.RESET_OFFSETS);
            onlyWith(set, type, GroupAction.LIST);
            onlyWith(set, export, GroupAction.RESET_OFFSETS);
            if (set.has(export) && settings.output() == OutputFormat.JSON) {
                throw new UsageException("--export prints CSV, so it cannot go with --output json");
            }
            for (OptionSpec<?> scenario : scenarios.values()) {
                onlyWith(set, scenario, GroupAction.RESET_OFFSETS);
            }
            if (settings.output() == OutputFormat.JSON && action != GroupAction.LIST && action != GroupAction.DESCRIBE
                    && action != GroupAction.RESET_OFFSETS) {
                throw new UsageException("--output json goes with --list, --describe and --reset-offsets only");
            }
            if (set.has(group) && set.has(allGroups)) {
                throw new UsageException("give --group or --all-groups, not both");
            }
            if (action != GroupAction.LIST && !set.has(group) && !set.has(allGroups)) {
                throw new UsageException(action == GroupAction.DELETE_OFFSETS ? "missing required option --group"
                        : action.flag() + " needs --group or --all-groups");
            }
            List<String> groupIds = new ArrayList<>(new LinkedHashSet<>(set.valuesOf(group)));
            for (String g : groupIds) {
                if (g.isBlank()) {
                    throw new UsageException("--group needs a group id");
                }
            }
            if (action == GroupAction.DELETE_OFFSETS) {
                if (groupIds.size() > 1) {
                    throw new UsageException("--delete-offsets takes one --group at a time");
                }
                CommandLine.require(set, topic);
            }
            List<TopicScope> scopes = new ArrayList<>();
            for (String t : set.valuesOf(topic)) {
                scopes.add(TopicScope.parse(t));
            }
            ResetSpec reset = null;
            boolean commit = false;
            if (action == GroupAction.RESET_OFFSETS) {
                reset = scenario(set);
                if (reset.kind() == ResetSpec.Kind.FROM_FILE) {
                    if (set.has(topic) || set.has(allTopics)) {
                        throw new UsageException("--from-file names the partitions itself, so it cannot go with "
                                + (set.has(topic) ? "--topic" : "--all-topics"));
                    }
                } else if (set.has(topic) == set.has(allTopics)) {
                    throw new UsageException("--reset-offsets needs one scope: --topic or --all-topics");
                }
                if (set.has(dryRun) == set.has(execute)) {
                    throw new UsageException("--reset-offsets needs --dry-run (print the new offsets) or --execute "
                            + "(commit them)" + (set.has(dryRun) ? ", not both" : ""));
                }
                commit = set.has(execute);
            }
            Path file = reset != null && reset.kind() == ResetSpec.Kind.FROM_FILE
                    ? Path.of(set.valueOf(scenarios.get(ResetSpec.Kind.FROM_FILE)).toString()) : null;
            return new ConsumerGroupCommandOptions(action, settings, groupIds, set.has(allGroups), scopes,
                    set.has(allTopics), view(set, action), listStates(set, action), reset, commit, listTypes(set, action),
                    set.has(export), file);
        }

        private DescribeView view(OptionSet set, GroupAction action) throws UsageException {
            if (action != GroupAction.DESCRIBE) {
                return DescribeView.OFFSETS;
            }
            int given = (set.has(members) ? 1 : 0) + (set.has(offsets) ? 1 : 0) + (set.has(state) ? 1 : 0);
            if (given > 1) {
                throw new UsageException("--describe takes at most one of --members, --offsets and --state");
            }
            if (set.has(state) && set.valueOf(state) != null) {
                throw new UsageException("--describe --state takes no value (states filter --list only)");
            }
            return set.has(members) ? DescribeView.MEMBERS : set.has(state) ? DescribeView.STATE : DescribeView.OFFSETS;
        }

        private Set<ConsumerGroupState> listStates(OptionSet set, GroupAction action) throws UsageException {
            if (action != GroupAction.LIST || !set.has(state)) {
                return null;
            }
            String value = set.valueOf(state);
            return value == null || value.isBlank() ? Set.of() : parseStates(value);
        }

        private Set<GroupType> listTypes(OptionSet set, GroupAction action) throws UsageException {
            if (action != GroupAction.LIST || !set.has(type)) {
                return null;
            }
            String value = set.valueOf(type);
            return value == null || value.isBlank() ? Set.of() : parseTypes(value);
        }

        private ResetSpec scenario(OptionSet set) throws UsageException {
            List<ResetSpec.Kind> given = new ArrayList<>();
            scenarios.forEach((kind, spec) -> {
                if (set.has(spec)) {
                    given.add(kind);
                }
            });
            if (given.size() != 1) {
                throw new UsageException("--reset-offsets needs exactly one of --to-earliest, --to-latest, --to-current, "
                        + "--to-offset, --shift-by, --to-datetime, --by-duration and --from-file" + (given.isEmpty() ? ""
                        : " (not " + String.join(" and ", given.stream().map(k -> "--" + k.option()).toList()) + ")"));
            }
            ResetSpec.Kind kind = given.get(0);
            Object value = set.valueOf(scenarios.get(kind));
            return switch (kind) {
                case TO_OFFSET -> {
                    long offset = (Long) value;
                    if (offset < 0) {
                        throw new UsageException("--to-offset must not be negative, not " + offset);
                    }
                    yield new ResetSpec(kind, offset);
                }
                case SHIFT_BY -> new ResetSpec(kind, (Long) value);
                case TO_DATETIME -> new ResetSpec(kind, ResetSpec.parseDatetime((String) value));
                case BY_DURATION -> new ResetSpec(kind, ResetSpec.parseDuration((String) value));
                default -> new ResetSpec(kind, 0);
            };
        }

        private GroupAction action(OptionSet set) throws UsageException {
            List<GroupAction> given = new ArrayList<>();
            actions.forEach((a, spec) -> {
                if (set.has(spec)) {
                    given.add(a);
                }
            });
            if (given.size() != 1) {
                throw new UsageException("give exactly one action: --list, --describe, --delete, --delete-offsets or "
                        + "--reset-offsets" + (given.isEmpty() ? ""
                        : " (not " + String.join(" and ", given.stream().map(GroupAction::flag).toList()) + ")"));
            }
            return given.get(0);
        }

        private void onlyWith(OptionSet set, OptionSpec<?> option, GroupAction... allowed) throws UsageException {
            if (!set.has(option)) {
                return;
            }
            for (GroupAction a : allowed) {
                if (set.has(actions.get(a))) {
                    return;
                }
            }
            List<String> flags = Arrays.stream(allowed).map(GroupAction::flag).toList();
            throw new UsageException(CommandLine.flag(option) + " goes with " + String.join(" or ", flags) + " only");
        }
    }

    ConsumerGroupCommandOptions {
        groups = List.copyOf(groups);
        topics = List.copyOf(topics);
        listStates = listStates == null ? null : Set.copyOf(listStates);
        listTypes = listTypes == null ? null : Set.copyOf(listTypes);
    }

    /** Kafka's type names, in any case, comma-separated; an unknown one is a usage error with a suggestion. */
    static Set<GroupType> parseTypes(String text) throws UsageException {
        List<String> known = Arrays.stream(GroupType.values()).filter(t -> t != GroupType.UNKNOWN)
                .map(t -> t.toString().toLowerCase(Locale.ROOT)).toList();
        Set<GroupType> types = EnumSet.noneOf(GroupType.class);
        for (String name : text.split(",")) {
            String trimmed = name.trim();
            GroupType found = GroupType.parse(trimmed);
            if (found == GroupType.UNKNOWN) {
                throw new UsageException("--type: unknown type '" + trimmed + "'"
                        + DidYouMean.hint(trimmed.toLowerCase(Locale.ROOT), known) + " (the types are "
                        + String.join(", ", known) + ")");
            }
            types.add(found);
        }
        return types;
    }

    /** Kafka's state names, in any case, comma-separated; an unknown one is a usage error with a suggestion. */
    static Set<ConsumerGroupState> parseStates(String text) throws UsageException {
        List<String> known = Arrays.stream(ConsumerGroupState.values()).filter(s -> s != ConsumerGroupState.UNKNOWN)
                .map(ConsumerGroupState::toString).toList();
        Set<ConsumerGroupState> states = EnumSet.noneOf(ConsumerGroupState.class);
        for (String name : text.split(",")) {
            String trimmed = name.trim();
            ConsumerGroupState found = null;
            for (ConsumerGroupState s : ConsumerGroupState.values()) {
                if (s != ConsumerGroupState.UNKNOWN && s.toString().toLowerCase(Locale.ROOT).equals(trimmed.toLowerCase(Locale.ROOT))) {
                    found = s;
                }
            }
            if (found == null) {
                throw new UsageException("--state: unknown state '" + trimmed + "'" + DidYouMean.hint(trimmed, known)
                        + " (the states are " + String.join(", ", known) + ")");
            }
            states.add(found);
        }
        return states;
    }

    /**
     * @return the options, or null for {@code --help}
     * @throws UsageException for a command line that cannot run, with the reason in one line
     */
    static ConsumerGroupCommandOptions parse(String... args) throws UsageException {
        return CommandLine.parse(Parser::new, Parser::read, args);
    }

    static void printUsage(PrintStream out) {
        CommandLine.printUsage(Parser::new, DESCRIPTION, out);
    }
}
