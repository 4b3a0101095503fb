package io.samsa.tools.cli;

import io.samsa.clients.internals.ClientVersion;
import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    private final OptionParser parser = CommandLine.parser();
    private final OptionSpec<String> topic = parser.accepts("topic", "The topic.").withRequiredArg();
    private final OptionSpec<Integer> partitions = parser.accepts("partitions", "How many.").withRequiredArg().ofType(Integer.class);
    private final OptionSpec<Void> list = parser.accepts("list", "List.");

    @Test
    void anUnknownOptionIsNamedWithASuggestion() {
        assertEquals("unknown option --topci; did you mean --topic?", message("--topci", "t"));
        assertEquals("unknown option --bogus", message("--bogus"));
    }

    @Test
    void aMissingValueOrAStrayArgumentIsAUsageError() {
        assertEquals("--topic needs a value", message("--topic"));
        assertEquals("unexpected argument(s): b c", message("--topic", "a", "b", "c"));
    }

    @Test
    void aValueOfTheWrongTypeIsAUsageErrorWhenRead() throws UsageException {
        OptionSet set = CommandLine.parse(parser, "--partitions", "many");
        OptionException e = assertThrows(OptionException.class, () -> set.valueOf(partitions));
        assertEquals("--partitions takes a number, not 'many'", CommandLine.usageError(e, parser).getMessage());
    }

    @Test
    void abbreviationsOfLongOptionsWork() throws UsageException {
        OptionSet set = CommandLine.parse(parser, "--top", "t", "--li");
        assertEquals("t", set.valueOf(topic));
        assertTrue(set.has(list));
    }

    @Test
    void requireNamesTheMissingOption() throws UsageException {
        OptionSet set = CommandLine.parse(parser, "--list");
        assertEquals("missing required option --topic",
                assertThrows(UsageException.class, () -> CommandLine.require(set, topic)).getMessage());
        assertEquals("--partitions", CommandLine.flag(partitions));
    }

    @Test
    void theUsageIsTheDescriptionThenTheOptions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandLine.printUsage(parser, "Does things.", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String usage = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("Does things.\n\n"), usage);
        assertTrue(usage.contains("--partitions") && usage.contains("The topic."), usage);
    }

    @Test
    void theGenericEntryAnswersHelpAndTurnsAValueOfTheWrongTypeIntoAUsageError() throws UsageException {
        assertNull(CommandLine.parse(Counted::new, (d, set) -> set.valueOf(d.count), "--help"));
        assertEquals(Integer.valueOf(3), CommandLine.<Counted, Integer>parse(Counted::new, (d, set) -> set.valueOf(d.count), "--count", "3"));
        assertEquals("--count takes a number, not 'x'", assertThrows(UsageException.class,
                () -> CommandLine.parse(Counted::new, (d, set) -> set.valueOf(d.count), "--count", "x")).getMessage());
        assertEquals("unexpected argument(s): y", assertThrows(UsageException.class,
                () -> CommandLine.parse(Counted::new, (d, set) -> set.valueOf(d.count), "--count", "3", "y")).getMessage());
        assertEquals(List.of("y"), CommandLine.parseKeepingArguments(Counted::new, (d, set) -> set.nonOptionArguments(),
                "--count", "3", "y"));
    }

    @Test
    void everyToolTakesVersionWhateverElseIsGiven() {
        assertThrows(CommandLine.VersionRequested.class,
                () -> CommandLine.parse(Counted::new, (d, set) -> set.valueOf(d.count), "--version"));
        assertThrows(CommandLine.VersionRequested.class,
                () -> CommandLine.parse(Counted::new, (d, set) -> set.valueOf(d.count), "--count", "3", "--version"));
    }

    @Test
    void versionRunsNothingAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ToolRunner.execute(new Tool<Integer>() {
            @Override
            public String name() {
                return "counted";
            }

            @Override
            public Integer parse(String[] args) throws UsageException {
                return CommandLine.parse(Counted::new, (d, set) -> set.valueOf(d.count), args);
            }

            @Override
            public void printUsage(PrintStream o) {
                o.println("Usage: counted");
            }

            @Override
            public void run(Integer options, PrintStream o, PrintStream e) {
                throw new AssertionError("ran");
            }
        }, new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(ClientVersion.VERSION + " "));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private static final class Counted extends CommandLine.Declarations {
        final OptionSpec<Integer> count = parser.accepts("count", "How many.").withRequiredArg().ofType(Integer.class);
        final OptionSpec<Void> help = parser.accepts("help", "Help.").forHelp();
    }

    private String message(String... args) {
        return assertThrows(UsageException.class, () -> CommandLine.parse(parser, args)).getMessage();
    }
}
