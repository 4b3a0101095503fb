package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.JavaCommand;
import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Apache Kafka's own kafka-topics tool ({@code org.apache.kafka.tools.TopicCommand} 3.9.1, run in
 * its own JVM because its main calls System.exit) against the broker under test: create, list,
 * describe and delete, checking the tool's printed output and exit codes.
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaTopicsToolSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("kafka-topics");

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(90);
    /** A partition line of --describe: topic, partition, leader, replicas, ISR (ELR is KRaft's, N/A here). */
    private static final Pattern PARTITION_LINE = Pattern.compile(
            "\tTopic: (\\S+)\tPartition: (\\d+)\tLeader: (\\d+)\tReplicas: ([\\d,]+)\tIsr: ([\\d,]+)\tElr: N/A\tLastKnownElr: N/A");

    @Test
    void createsListsDescribesAndDeletesTopics() {
        assertEquals(List.of("Created topic tool-plain."),
                topics("--create", "--topic", "tool-plain", "--partitions", "3", "--replication-factor", "3")
                        .assertSuccess().stdoutLines());
        assertEquals(List.of("Created topic tool-configured."),
                topics("--create", "--topic", "tool-configured", "--partitions", "1", "--replication-factor", "3",
                        "--config", "retention.ms=86400000").assertSuccess().stdoutLines());

        List<String> listed = topics("--list").assertSuccess().stdoutLines();
        assertTrue(listed.containsAll(List.of("tool-plain", "tool-configured")), listed::toString);
        assertEquals(listed.stream().sorted().toList(), listed, "--list prints names sorted");

        List<String> plain = describe("tool-plain", 3);
        assertTrue(Pattern.matches("Topic: tool-plain\tTopicId: [A-Za-z0-9_-]{22}\tPartitionCount: 3\t"
                + "ReplicationFactor: 3\tConfigs: min.insync.replicas=2", plain.get(0)), plain.get(0));
        for (int p = 0; p < 3; p++) {
            assertPartitionLine("tool-plain", p, plain.get(p + 1));
        }
        List<String> configured = describe("tool-configured", 1);
        assertTrue(configured.get(0).startsWith("Topic: tool-configured\tTopicId: "), configured.get(0));
        // The brokers' min.insync.replicas is a static broker config, not a default, so the tool lists it too.
        assertTrue(configured.get(0).endsWith("\tPartitionCount: 1\tReplicationFactor: 3\tConfigs: "
                + "min.insync.replicas=2,retention.ms=86400000"), configured.get(0));
        assertPartitionLine("tool-configured", 0, configured.get(1));

        // Creating an existing topic fails with the tool's own message.
        CommandResult duplicate = topics("--create", "--topic", "tool-plain", "--partitions", "1", "--replication-factor", "3");
        assertEquals(1, duplicate.exitCode(), duplicate::describe);
        // The detail comes from the broker's error message, or the client's default text for the
        // error code; both say "already exists".
        assertTrue(duplicate.stdout().startsWith("Error while executing topic command : "), duplicate::describe);
        assertTrue(duplicate.stdout().contains("already exists"), duplicate::describe);

        topics("--delete", "--topic", "tool-plain").assertSuccess();
        Wait.until("tool-plain gone from --list", Duration.ofSeconds(60),
                () -> !topics("--list").assertSuccess().stdoutLines().contains("tool-plain"));
        List<String> after = topics("--list").assertSuccess().stdoutLines();
        assertTrue(after.contains("tool-configured"), after::toString);

        CommandResult missing = topics("--describe", "--topic", "tool-plain");
        assertEquals(1, missing.exitCode(), missing::describe);
        // The tool's own check (3.9.1 prints the name as "Optional[tool-plain]").
        assertTrue(missing.stdout().contains("tool-plain") && missing.stdout().contains("does not exist as expected"),
                missing::describe);
    }

    /**
     * A new partition's line: replicated on all three brokers, led by its preferred (first) replica,
     * every replica in sync.
     */
    private static void assertPartitionLine(String topic, int partition, String line) {
        Matcher m = PARTITION_LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(topic, m.group(1), line);
        assertEquals(partition, Integer.parseInt(m.group(2)), line);
        List<Integer> replicas = ids(m.group(4));
        assertEquals(Set.copyOf(SHARED.broker().brokerIds()), Set.copyOf(replicas), line);
        assertEquals(3, replicas.size(), line);
        assertEquals(replicas.get(0), Integer.parseInt(m.group(3)), "leader: " + line);
        assertEquals(Set.copyOf(replicas), Set.copyOf(ids(m.group(5))), "ISR: " + line);
    }

    private static List<Integer> ids(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(Integer::valueOf).toList();
    }

    /** Describes a topic, waiting until the tool sees a leader for every partition (metadata propagation). */
    private static List<String> describe(String topic, int partitions) {
        List<List<String>> result = new ArrayList<>();
        Wait.until(topic + " described with leaders", Duration.ofSeconds(60), () -> {
            List<String> lines = topics("--describe", "--topic", topic).assertSuccess().stdoutLines();
            result.clear();
            result.add(lines);
            return lines.size() == partitions + 1 && lines.stream().skip(1).noneMatch(l -> l.contains("Leader: none"));
        });
        return result.get(0);
    }

    private static CommandResult topics(String... args) {
        List<String> all = new ArrayList<>(List.of("--bootstrap-server", SHARED.broker().bootstrapServers()));
        all.addAll(List.of(args));
        return ExternalCommand.run(JavaCommand.of("org.apache.kafka.tools.TopicCommand",
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), all), null, TOOL_TIMEOUT);
    }
}
