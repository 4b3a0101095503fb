package io.samsa.tools.groups;

import io.samsa.common.ConsumerGroupState;
import io.samsa.common.GroupType;
import io.samsa.tools.cli.OutputFormat;
import io.samsa.tools.cli.UsageException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerGroupCommandOptionsTest {

    @Test
    void readsADescribeOfSeveralGroups() throws UsageException {
        ConsumerGroupCommandOptions o = parse("--describe", "--group", "a", "--group", "b", "--group", "a", "--output", "json");
        assertEquals(GroupAction.DESCRIBE, o.action());
        assertEquals(List.of("a", "b"), o.groups(), "in order, without repeats");
        assertEquals(DescribeView.OFFSETS, o.view(), "the default view");
        assertEquals(OutputFormat.JSON, o.common().output());
        assertEquals(DescribeView.MEMBERS, parse("--describe", "--all-groups", "--members", "--verbose").view());
        assertEquals(DescribeView.STATE, parse("--describe", "--group", "a", "--state").view());
    }

    @Test
    void listTakesAnOptionalStateFilterInAnyCase() throws UsageException {
        assertNull(parse("--list").listStates(), "no --state: names only");
        assertEquals(Set.of(), parse("--list", "--state").listStates(), "--state alone: every state, shown");
        assertEquals(Set.of(ConsumerGroupState.STABLE, ConsumerGroupState.EMPTY), parse("--list", "--state", "stable,Empty").listStates());
        assertEquals("--state: unknown state 'stabel'; did you mean 'Stable'? (the states are PreparingRebalance, "
                + "CompletingRebalance, Stable, Dead, Empty, Assigning, Reconciling)", fails("--list", "--state", "stabel"));
    }

    @Test
    void listTakesAnOptionalTypeFilterInAnyCase() throws UsageException {
        assertNull(parse("--list").listTypes(), "no --type: names only");
        assertEquals(Set.of(), parse("--list", "--type").listTypes(), "--type alone: every type, shown");
        assertEquals(Set.of(GroupType.CLASSIC, GroupType.CONSUMER), parse("--list", "--type", "Classic,consumer").listTypes());
        assertEquals(Set.of(GroupType.CLASSIC), parse("--list", "--type", "classic", "--state", "stable").listTypes());
        assertEquals("--type: unknown type 'clasic'; did you mean 'classic'? (the types are consumer, classic)",
                fails("--list", "--type", "clasic"));
        assertEquals("--type goes with --list only", fails("--describe", "--group", "g", "--type"));
    }

    @Test
    void resetOffsetsExportsAndReadsAPlanFile() throws UsageException {
        ConsumerGroupCommandOptions o = parse("--reset-offsets", "--group", "g", "--from-file", "plan.csv", "--execute");
        assertEquals(ResetSpec.Kind.FROM_FILE, o.reset().kind());
        assertEquals(java.nio.file.Path.of("plan.csv"), o.fromFile());
        assertTrue(parse("--reset-offsets", "--group", "g", "--all-topics", "--to-latest", "--dry-run", "--export").export());
        assertFalse(parse("--reset-offsets", "--group", "g", "--all-topics", "--to-latest", "--dry-run").export());
        assertEquals("--from-file names the partitions itself, so it cannot go with --topic",
                fails("--reset-offsets", "--group", "g", "--from-file", "f", "--topic", "t", "--dry-run"));
        assertEquals("--from-file names the partitions itself, so it cannot go with --all-topics",
                fails("--reset-offsets", "--group", "g", "--from-file", "f", "--all-topics", "--dry-run"));
        assertEquals("--export prints CSV, so it cannot go with --output json", fails("--reset-offsets", "--group", "g",
                "--all-topics", "--to-latest", "--dry-run", "--export", "--output", "json"));
        assertEquals("--export goes with --reset-offsets only", fails("--describe", "--group", "g", "--export"));
        assertEquals("--from-file goes with --reset-offsets only", fails("--describe", "--group", "g", "--from-file", "f"));
    }

    @Test
    void describeRules() {
        assertEquals("--describe needs --group or --all-groups", fails("--describe"));
        assertEquals("--describe takes at most one of --members, --offsets and --state",
                fails("--describe", "--group", "g", "--members", "--state"));
        assertEquals("--describe --state takes no value (states filter --list only)",
                fails("--describe", "--group", "g", "--state", "Stable"));
        assertEquals("give --group or --all-groups, not both", fails("--describe", "--group", "g", "--all-groups"));
        assertEquals("--members goes with --describe only", fails("--list", "--members"));
    }

    @Test
    void resetOffsetsNeedsDryRunOrExecute() throws UsageException {
        assertEquals("--reset-offsets needs --dry-run (print the new offsets) or --execute (commit them)",
                fails("--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest"));
        assertEquals("--reset-offsets needs --dry-run (print the new offsets) or --execute (commit them), not both",
                fails("--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--dry-run", "--execute"));
        assertFalse(parse("--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--dry-run").execute());
        assertTrue(parse("--reset-offsets", "--group", "g", "--topic", "t", "--to-earliest", "--execute").execute());
    }

    @Test
    void resetOffsetsNeedsOneScenarioAndOneScope() throws UsageException {
        assertEquals("--reset-offsets needs exactly one of --to-earliest, --to-latest, --to-current, --to-offset, "
                + "--shift-by, --to-datetime, --by-duration and --from-file", fails("--reset-offsets", "--group", "g", "--topic", "t", "--dry-run"));
        assertEquals("--reset-offsets needs exactly one of --to-earliest, --to-latest, --to-current, --to-offset, "
                + "--shift-by, --to-datetime, --by-duration and --from-file (not --to-earliest and --to-latest)",
                fails("--reset-offsets", "--group", "g", "--topic", "t", "--dry-run", "--to-earliest", "--to-latest"));
        assertEquals("--reset-offsets needs one scope: --topic or --all-topics",
                fails("--reset-offsets", "--group", "g", "--dry-run", "--to-earliest"));
        assertEquals("--reset-offsets needs one scope: --topic or --all-topics",
                fails("--reset-offsets", "--group", "g", "--topic", "t", "--all-topics", "--dry-run", "--to-earliest"));
        assertEquals("--to-offset goes with --reset-offsets only", fails("--describe", "--group", "g", "--to-offset", "3"));
        assertEquals("--to-offset must not be negative, not -3",
                fails("--reset-offsets", "--group", "g", "--all-topics", "--dry-run", "--to-offset", "-3"));

        ConsumerGroupCommandOptions o = parse("--reset-offsets", "--all-groups", "--topic", "a", "--topic", "b:2,0",
                "--shift-by", "-5", "--execute");
        assertTrue(o.allGroups());
        assertEquals(List.of(new TopicScope("a", List.of()), new TopicScope("b", List.of(0, 2))), o.topics());
        assertEquals(new ResetSpec(ResetSpec.Kind.SHIFT_BY, -5), o.reset());
    }

    @Test
    void resetByTimeReadsKafkasFormats() throws UsageException {
        assertEquals(1_714_564_800_000L, parse("--reset-offsets", "--group", "g", "--all-topics", "--dry-run",
                "--to-datetime", "2024-05-01T12:00:00.000").reset().value(), "UTC without a zone, as Kafka's tool");
        assertEquals(1_714_557_600_000L, ResetSpec.parseDatetime("2024-05-01T12:00:00.000+02:00"));
        assertEquals(1_714_557_600_000L, ResetSpec.parseDatetime("2024-05-01T12:00+0200"));
        assertEquals(1_714_564_800_000L, ResetSpec.parseDatetime("2024-05-01T12:00:00Z"));
        assertTrue(fails("--reset-offsets", "--group", "g", "--all-topics", "--dry-run", "--to-datetime", "yesterday")
                .startsWith("--to-datetime takes YYYY-MM-DDTHH:mm:SS.sss"));
        assertTrue(fails("--reset-offsets", "--group", "g", "--all-topics", "--dry-run", "--to-datetime", "2024-13-01T00:00")
                .startsWith("--to-datetime '2024-13-01T00:00' is not a valid date and time"));

        ResetSpec d = parse("--reset-offsets", "--group", "g", "--all-topics", "--dry-run", "--by-duration", "PT1H30M").reset();
        assertEquals(new ResetSpec(ResetSpec.Kind.BY_DURATION, 5_400_000L), d);
        assertEquals(10_000_000L - 5_400_000L, d.timestamp(10_000_000L));
        assertEquals("--by-duration takes an ISO 8601 duration such as PT1H30M or P1DT12H, not '1h'",
                fails("--reset-offsets", "--group", "g", "--all-topics", "--dry-run", "--by-duration", "1h"));
    }

    @Test
    void topicScopesAreTopicsOrSomeOfTheirPartitions() throws UsageException {
        assertEquals(new TopicScope("t", List.of()), TopicScope.parse("t"));
        assertEquals(new TopicScope("t", List.of(0, 1, 3)), TopicScope.parse("t:3,1,0,1"));
        assertEquals("--topic 't:x': 'x' is not a partition number (the form is topic or topic:0,1,2)",
                assertThrows(UsageException.class, () -> TopicScope.parse("t:x")).getMessage());
        assertEquals("--topic needs a topic name, not ':1'", assertThrows(UsageException.class, () -> TopicScope.parse(":1")).getMessage());
    }

    @Test
    void deleteOffsetsTakesOneGroupAndTopics() {
        assertEquals("missing required option --topic", fails("--delete-offsets", "--group", "g"));
        assertEquals("missing required option --group", fails("--delete-offsets", "--topic", "t"));
        assertEquals("--delete-offsets takes one --group at a time", fails("--delete-offsets", "--group", "g", "--group", "h",
                "--topic", "t"));
        assertEquals("--all-groups goes with --describe or --delete or --reset-offsets only",
                fails("--delete-offsets", "--all-groups", "--topic", "t"));
        assertEquals("--topic goes with --delete-offsets or --reset-offsets only", fails("--delete", "--group", "g", "--topic", "t"));
        assertEquals("--output json goes with --list, --describe and --reset-offsets only",
                fails("--delete", "--group", "g", "--output", "json"));
    }

    @Test
    void exactlyOneActionAndTheBootstrapServer() {
        assertEquals("give exactly one action: --list, --describe, --delete, --delete-offsets or --reset-offsets", fails());
        assertEquals("give exactly one action: --list, --describe, --delete, --delete-offsets or --reset-offsets "
                + "(not --list and --describe)", fails("--list", "--describe"));
        assertEquals("missing required option --bootstrap-server", assertThrows(UsageException.class,
                () -> ConsumerGroupCommandOptions.parse("--list")).getMessage());
        assertEquals("unknown option --grup; did you mean --group?", fails("--describe", "--grup", "g"));
    }

    @Test
    void helpNeedsNothingElse() throws UsageException {
        assertNull(ConsumerGroupCommandOptions.parse("--help"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsumerGroupCommandOptions.printUsage(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String usage = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("samsa-consumer-groups: lists, describes"), usage);
        for (String flag : List.of("--bootstrap-server", "--command-config", "--reset-offsets", "--to-datetime", "--dry-run",
                "--execute", "--members", "--all-topics", "--output")) {
            assertTrue(usage.contains(flag), flag);
        }
    }

    private static ConsumerGroupCommandOptions parse(String... args) throws UsageException {
        String[] all = new String[args.length + 2];
        all[0] = "--bootstrap-server";
        all[1] = "h:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return ConsumerGroupCommandOptions.parse(all);
    }

    private static String fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }
}
