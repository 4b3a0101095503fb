package io.samsa.systest.tools;

import io.samsa.systest.harness.BrokerUnderTest;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.ProcessCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs Samsa's command-line tools as a user does: their {@code bin/} scripts, each in its own
 * process, against one deployment, and checks what every tool promises about failures: one line on
 * stderr, no stack trace, exit 1; a bad command line, an error line and the usage, exit 2.
 * Not thread-safe.
 */
final class SamsaTools {

    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    private final BrokerUnderTest broker;

    SamsaTools(BrokerUnderTest broker) {
        this.broker = broker;
    }

    BrokerUnderTest broker() {
        return broker;
    }

    /** Runs {@code bin/<script>} with exactly {@code args}. */
    static CommandResult run(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessCluster.HOME.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        return ExternalCommand.run(command, null, TOOL_TIMEOUT);
    }

    /** Runs {@code bin/<script>} with exactly {@code args}, {@code stdin} as its standard input. */
    static CommandResult runWithInput(String script, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessCluster.HOME.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        return ExternalCommand.run(command, stdin, TOOL_TIMEOUT);
    }

    /** The command line of {@code bin/<script> args...}, for a test that runs it in the background. */
    static List<String> command(String script, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessCluster.HOME.resolve("bin").resolve(script).toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code bin/<script> --bootstrap-server <the deployment> args...}. */
    CommandResult onCluster(String script, String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", broker.bootstrapServers()));
        all.addAll(List.of(args));
        return run(script, all.toArray(String[]::new));
    }

    /** A loopback address nothing listens on: connecting to it is refused at once. */
    static String deadAddress() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit 1, nothing on stdout, and exactly {@code line} on stderr: no stack trace, no log noise. */
    static void assertFailure(CommandResult r, String line) {
        assertEquals(1, r.exitCode(), r::describe);
        assertEquals(line + "\n", r.stderr(), r::describe);
        assertEquals("", r.stdout(), r::describe);
    }

    /** Exit 2, the error line first on stderr, then the usage (which names every tool's --bootstrap-server). */
    static void assertUsageError(CommandResult r, String errorLine) {
        assertEquals(2, r.exitCode(), r::describe);
        List<String> lines = r.stderr().lines().toList();
        assertEquals(errorLine, lines.get(0), r::describe);
        assertTrue(lines.stream().skip(1).anyMatch(l -> l.contains("--bootstrap-server")), "the usage follows: " + r.describe());
        assertEquals("", r.stdout(), r::describe);
        assertNoStackTrace(r);
    }

    static void assertNoStackTrace(CommandResult r) {
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception:"), r::describe);
    }
}
