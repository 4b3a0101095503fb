package io.samsa.systest.tools;

import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-leader-election.sh} against a live deployment: a preferred election that moves
 * a partition's leadership back to its preferred replica (made non-preferred by reordering its
 * replicas), elections not needed, each way of naming partitions, and bad input.
 */
interface LeaderElectionToolTests {

    String SCRIPT = "samsa-leader-election.sh";
    Duration WAIT = Duration.ofSeconds(60);

    SamsaTools tools();

    @Test
    default void electsThePreferredReplica() throws Exception {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("le-move", 1, Map.of());
        List<Integer> replicas = data.replicas("le-move", 0);
        int leader = data.leader("le-move", 0);
        assertEquals(replicas.get(0), leader, "a new partition is led by its first replica");
        List<Integer> reordered = List.of(replicas.get(1), replicas.get(0), replicas.get(2));
        try (Admin admin = data.admin()) {
            admin.alterPartitionReassignments(Map.of(new TopicPartition("le-move", 0),
                    Optional.of(new NewPartitionReassignment(reordered)))).all().get(60, TimeUnit.SECONDS);
        }
        Wait.until("le-move reordered", WAIT, () -> data.replicas("le-move", 0).equals(reordered));
        assertEquals(leader, data.leader("le-move", 0), "reordering keeps the leader, which is no longer the preferred one");

        CommandResult r = election("--election-type", "preferred", "--topic", "le-move", "--partition", "0").assertSuccess();
        assertEquals("Successfully completed leader election (PREFERRED) for partitions le-move-0\n", r.stdout());
        Wait.until("le-move led by " + reordered.get(0), WAIT, () -> data.leader("le-move", 0) == reordered.get(0));
        assertEquals("Valid replica already elected for partitions le-move-0\n",
                election("--election-type", "preferred", "--topic", "le-move", "--partition", "0").assertSuccess().stdout());
    }

    @Test
    default void electionsNotNeededAreNoFailure(@TempDir Path dir) throws IOException {
        new ToolTestData(tools().broker()).createTopic("le-led", 2, Map.of());
        Path file = dir.resolve("partitions.json");
        Files.writeString(file, "{\"partitions\": [{\"topic\": \"le-led\", \"partition\": 1}, {\"topic\": \"le-led\", \"partition\": 0}]}");
        assertEquals("Valid replica already elected for partitions le-led-0, le-led-1\n",
                election("--election-type", "preferred", "--path-to-json-file", file.toString()).assertSuccess().stdout());
        assertEquals("Valid replica already elected for partitions le-led-1\n",
                election("--election-type", "unclean", "--topic", "le-led", "--partition", "1").assertSuccess().stdout());
        CommandResult all = election("--election-type", "preferred", "--all-topic-partitions").assertSuccess();
        assertTrue(all.stdoutLines().stream().allMatch(l -> l.startsWith("Valid replica already elected for partitions ")
                || l.startsWith("Successfully completed leader election (PREFERRED) for partitions ")), all::describe);
    }

    @Test
    default void leaderElectionBadInputIsOneLineOrTheUsage() {
        new ToolTestData(tools().broker()).createTopic("le-known", 1, Map.of());
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        assertFailure(SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--election-type", "preferred",
                "--all-topic-partitions", "--timeout", "2000"), "samsa-leader-election: cannot reach the cluster at " + dead
                + " within 2000 ms: " + dead + " refused the connection");
        assertTrue(System.nanoTime() - start < 6_000_000_000L, "failed fast");

        assertFailure(election("--election-type", "preferred", "--topic", "le-knwon", "--partition", "0"),
                "samsa-leader-election: Topic 'le-knwon' does not exist; did you mean 'le-known'?");
        assertFailure(election("--election-type", "preferred", "--topic", "le-known", "--partition", "4"),
                "samsa-leader-election: Topic 'le-known' has no partition 4 (it has 1)");
        assertUsageError(election("--all-topic-partitions"), "samsa-leader-election: error: missing required option "
                + "--election-type");
        assertUsageError(election("--election-type", "prefered", "--all-topic-partitions"), "samsa-leader-election: error: "
                + "--election-type must be preferred or unclean, not 'prefered'; did you mean 'preferred'?");
        assertUsageError(election("--election-type", "preferred", "--topic", "le-known"),
                "samsa-leader-election: error: missing required option --partition");
    }

    private CommandResult election(String... args) {
        return tools().onCluster(SCRIPT, args);
    }
}
