package io.samsa.systest.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.Ports;
import io.samsa.systest.harness.ProcessCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bin/samsa-server-start.sh} refusing to start: an invalid value in server.properties exits
 * with status 1 and an error naming the key (before any attempt to reach ZooKeeper, which these
 * tests do not run); a missing or malformed argument prints the usage and exits with status 2.
 */
@Tag("system")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServerLaunchSystemTest {

    private static final Path SCRIPT = ProcessCluster.HOME.resolve("bin/samsa-server-start.sh");
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Map<String, String> ENV = Map.of("SAMSA_HEAP_OPTS", "-Xms64m -Xmx128m");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "num.io.threads|abc",
        "num.io.threads|0",
        "zookeeper.session.timeout.ms|soon",
        "log.cleanup.policy|shred",
        "listeners|PLAINTEXT://127.0.0.1:70000",
        "listeners|SSL://127.0.0.1:9093",
        "broker.id|zero",
    })
    void invalidValueExitsWithAnErrorNamingTheKey(String key, String value) throws IOException {
        Path props = writeProperties(key, value);
        CommandResult r = ExternalCommand.run(List.of(SCRIPT.toString(), props.toString()), null, DEADLINE, ENV);
        assertEquals(1, r.exitCode(), r.describe());
        String output = r.stdout() + r.stderr();
        assertTrue(output.contains("for configuration " + key + ":") && output.contains(value), r.describe());
    }

    @Test
    void missingRequiredKeyExitsWithAnErrorNamingTheKey() throws IOException {
        Path props = writeProperties("zookeeper.connect", null);
        CommandResult r = ExternalCommand.run(List.of(SCRIPT.toString(), props.toString()), null, DEADLINE, ENV);
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue((r.stdout() + r.stderr()).contains("zookeeper.connect"), r.describe());
    }

    @Test
    void missingArgumentPrintsUsageAndExits2() {
        CommandResult r = ExternalCommand.run(List.of(SCRIPT.toString()), null, DEADLINE, ENV);
        assertEquals(2, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("USAGE:") && r.stderr().contains("server.properties"), r.describe());
    }

    @Test
    void unreadableFileOrDanglingOverridePrintsUsageAndExits2() throws IOException {
        CommandResult missing = ExternalCommand.run(List.of(SCRIPT.toString(), dir.resolve("nope.properties").toString()),
                null, DEADLINE, ENV);
        assertEquals(2, missing.exitCode(), missing.describe());
        assertTrue(missing.stderr().contains("nope.properties") && missing.stderr().contains("USAGE:"), missing.describe());

        Path props = writeProperties(null, null);
        CommandResult dangling = ExternalCommand.run(List.of(SCRIPT.toString(), props.toString(), "--override"),
                null, DEADLINE, ENV);
        assertEquals(2, dangling.exitCode(), dangling.describe());
        assertTrue(dangling.stderr().contains("USAGE:"), dangling.describe());
    }

    /**
     * A valid single-broker configuration, except that {@code key} is set to {@code value} (or left
     * out when {@code value} is null). ZooKeeper's port has nothing listening: a configuration that
     * wrongly passed validation would hang connecting, and the test would fail at its deadline.
     */
    private Path writeProperties(String key, String value) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("broker.id=0");
        lines.add("listeners=PLAINTEXT://127.0.0.1:" + Ports.freePort());
        lines.add("log.dirs=" + dir.resolve("data"));
        lines.add("zookeeper.connect=127.0.0.1:" + Ports.freePort());
        lines.add("zookeeper.connection.timeout.ms=60000");
        if (key != null) {
            lines.removeIf(l -> l.startsWith(key + "="));
            if (value != null) {
                lines.add(key + "=" + value);
            }
        }
        Path file = dir.resolve("server.properties");
        Files.write(file, lines);
        return file;
    }
}
