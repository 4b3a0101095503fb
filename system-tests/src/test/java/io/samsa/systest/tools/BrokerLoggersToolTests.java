package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code samsa-configs.sh --entity-type broker-loggers}: a broker's log levels, which Apache
 * Kafka's brokers serve through DescribeConfigs and IncrementalAlterConfigs (Samsa's do not: see
 * {@link BrokerLoggersRefusedToolTests}), so only the Kafka suite implements this.
 */
interface BrokerLoggersToolTests {

    SamsaTools tools();

    @Test
    default void describesAndAltersABrokersLogLevels() {
        String id = Integer.toString(tools().broker().brokerIds().get(0));
        List<String> lines = configs("--describe", "--entity-type", "broker-loggers", "--entity-name", id).assertSuccess()
                .stdoutLines();
        assertEquals("Dynamic configs for broker-logger " + id + " are:", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  root=")), lines::toString);
        // The root logger (the only one the test brokers are sure to have), made quieter and put back as it was.
        String entry = lines.stream().filter(l -> l.startsWith("  root=")).findFirst().orElseThrow();
        String level = entry.substring("  root=".length(), entry.indexOf(' ', 2));
        String quieter = level.equals("ERROR") ? "FATAL" : "ERROR";
        try {
            assertEquals("Completed updating config for broker-logger " + id + ".\n", configs("--alter", "--broker-logger",
                    id, "--add-config", "root=" + quieter).assertSuccess().stdout());
            Wait.until("root at " + quieter, Duration.ofSeconds(60), () -> configs("--describe", "--broker-logger", id)
                    .assertSuccess().stdoutLines().contains("  root=" + quieter + " sensitive=false synonyms={}"));
            assertFailure(configs("--alter", "--broker-logger", id, "--delete-config", "root"),
                    "samsa-configs: Removing the log level of the root logger is not allowed");
        } finally {
            configs("--alter", "--broker-logger", id, "--add-config", "root=" + level).assertSuccess();
        }
        assertUsageError(configs("--alter", "--broker-logger", id, "--add-config", "roo=INFO"), "samsa-configs: error: broker "
                + id + " has no logger 'roo'; did you mean 'root'?");
    }

    private CommandResult configs(String... args) {
        return tools().onCluster("samsa-configs.sh", args);
    }
}
