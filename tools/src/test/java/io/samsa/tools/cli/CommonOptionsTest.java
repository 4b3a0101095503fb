package io.samsa.tools.cli;

import joptsimple.OptionParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommonOptionsTest {

    @Test
    void defaultsAreAFewSecondsAndText() throws UsageException {
        CommonSettings s = read(true, "--bootstrap-server", "h:1");
        assertEquals(new CommonSettings("h:1", null, CommonOptions.DEFAULT_TIMEOUT_MS, false, OutputFormat.TABLE), s);
    }

    @Test
    void everyCommonOptionIsRead() throws UsageException {
        CommonSettings s = read(true, "--bootstrap-server", "a:1,b:2", "--command-config", "c.properties", "--timeout", "900",
                "--verbose", "--output", "JSON");
        assertEquals(new CommonSettings("a:1,b:2", Path.of("c.properties"), 900, true, OutputFormat.JSON), s);
    }

    @Test
    void bootstrapServerIsRequired() {
        assertEquals("missing required option --bootstrap-server", fails(true, "--verbose"));
        assertEquals("--bootstrap-server needs at least one host:port", fails(true, "--bootstrap-server", " "));
    }

    @Test
    void badTimeoutsAndFormatsAreUsageErrors() {
        assertEquals("--timeout must be positive, not 0", fails(true, "--bootstrap-server", "h:1", "--timeout", "0"));
        assertEquals("--output must be table or json, not 'jsno'; did you mean 'json'?",
                fails(true, "--bootstrap-server", "h:1", "--output", "jsno"));
    }

    @Test
    void toolsThatListNothingTakeNoOutputOption() {
        assertEquals("unknown option --output", fails(false, "--bootstrap-server", "h:1", "--output", "json"));
    }

    @Test
    void helpIsSeenWithoutTheRequiredOptions() throws UsageException {
        assertNull(CommandLine.parse(Declared::new, (d, set) -> d.common.read(set), "--help"));
        assertNull(CommandLine.parse(Declared::new, (d, set) -> d.common.read(set), "--he"));
    }

    private static final class Declared extends CommandLine.Declarations {
        final CommonOptions common = new CommonOptions(parser, true);
    }

    private static CommonSettings read(boolean listing, String... args) throws UsageException {
        OptionParser parser = CommandLine.parser();
        CommonOptions common = new CommonOptions(parser, listing);
        return common.read(CommandLine.parse(parser, args));
    }

    private static String fails(boolean listing, String... args) {
        return assertThrows(UsageException.class, () -> read(listing, args)).getMessage();
    }
}
