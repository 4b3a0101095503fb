package io.samsa.tools.cli;

import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ToolRunnerTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void aRunThatWorksExitsZeroWithItsOutput() {
        assertEquals(0, run(new FakeTool(null), "--ok"));
        assertEquals("done\n", out());
        assertEquals("", err());
    }

    @Test
    void aBadCommandLineExitsTwoWithOneErrorLineThenTheUsageOnStandardError() {
        assertEquals(2, run(new FakeTool(null), "--bad"));
        List<String> lines = err().lines().toList();
        assertEquals("fake: error: no such flag --bad", lines.get(0));
        assertEquals("Usage: fake --ok", lines.get(1));
        assertEquals("", out(), "nothing on standard output");
    }

    @Test
    void helpPrintsTheUsageOnStandardOutputAndExitsZero() {
        assertEquals(0, run(new FakeTool(null), "--help"));
        assertEquals("Usage: fake --ok\n", out());
        assertEquals("", err());
    }

    @Test
    void aForeseenFailureIsOneLineWithoutAStackTrace() {
        assertEquals(1, run(new FakeTool(new ToolFailure("Topic 'nope' does not exist", new RuntimeException("inner"))), "--ok"));
        assertEquals("fake: Topic 'nope' does not exist\n", err());
    }

    @Test
    void aClientErrorInsideAFutureIsItsMessage() {
        CompletableFuture<Void> f = CompletableFuture.failedFuture(new TopicExistsException("Topic 't' already exists."));
        assertEquals(1, run(new FakeTool(null) {
            @Override
            public void run(String options, PrintStream o, PrintStream e) throws Exception {
                f.get();
            }
        }, "--ok"));
        assertEquals("fake: Topic 't' already exists.\n", err());
    }

    @Test
    void aTimeoutSaysHowToWaitLonger() {
        assertEquals(1, run(new FakeTool(new TimeoutException("listTopics timed out")), "--ok"));
        assertEquals("fake: listTopics timed out (--timeout MS waits longer)\n", err());
    }

    @Test
    void aMissingFileIsSaidInWords() {
        assertEquals(1, run(new FakeTool(new NoSuchFileException("/x/y.properties")), "--ok"));
        assertEquals("fake: no such file: /x/y.properties\n", err());
    }

    @Test
    void anUnexpectedErrorNamesItselfAndPointsToVerbose() {
        assertEquals(1, run(new FakeTool(new IllegalStateException("boom")), "--ok"));
        assertEquals("fake: unexpected error: java.lang.IllegalStateException: boom (--verbose prints the stack trace)\n", err());
    }

    @Test
    void aCommandLineFoundWrongWhileRunningIsAUsageErrorToo() {
        assertEquals(2, run(new FakeTool(new UsageException("unknown broker config 'log.retension.ms'")), "--ok"));
        List<String> lines = err().lines().toList();
        assertEquals("fake: error: unknown broker config 'log.retension.ms'", lines.get(0));
        assertEquals("Usage: fake --ok", lines.get(1));
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() {
        assertEquals(1, run(new FakeTool(new ToolFailure("it failed", new RuntimeException("inner"))), "--ok", "--verbose"));
        List<String> lines = err().lines().toList();
        assertEquals("fake: it failed", lines.get(0));
        assertTrue(lines.get(1).contains("ToolFailure: it failed"), lines.get(1));
        assertTrue(err().contains("Caused by: java.lang.RuntimeException: inner"), err());
    }

    private int run(Tool<String> tool, String... args) {
        return ToolRunner.execute(tool, args, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Takes --ok (and --verbose), --help; fails with {@code failure} when it is not null. */
    private static class FakeTool implements Tool<String> {
        private final Exception failure;

        FakeTool(Exception failure) {
            this.failure = failure;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String parse(String[] args) throws UsageException {
            if (args[0].equals("--help")) {
                return null;
            }
            if (!args[0].equals("--ok")) {
                throw new UsageException("no such flag " + args[0]);
            }
            return String.join(" ", args);
        }

        @Override
        public void printUsage(PrintStream out) {
            out.println("Usage: fake --ok");
        }

        @Override
        public boolean verbose(String options) {
            return options.contains("--verbose");
        }

        @Override
        public void run(String options, PrintStream out, PrintStream err) throws Exception {
            if (failure != null) {
                throw failure;
            }
            out.println("done");
        }
    }
}
