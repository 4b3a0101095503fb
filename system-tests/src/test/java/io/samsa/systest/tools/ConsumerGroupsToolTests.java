package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertNoStackTrace;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-consumer-groups.sh} against a live deployment: Kafka's describe columns with
 * lag and the total lag line, members and state, listing by state, offset resets printed before
 * and after (dry run and executed), offset and group deletion, and its answers to bad input.
 * Groups are set up with Kafka's own consumer.
 */
interface ConsumerGroupsToolTests {

    String SCRIPT = "samsa-consumer-groups.sh";
    ObjectMapper JSON = new ObjectMapper();
    long ONE_HOUR_AGO = System.currentTimeMillis() - 3_600_000L;

    SamsaTools tools();

    @Test
    default void describesEachPartitionsLagAndTheGroupsTotal() throws Exception {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("cg-lag", 2, Map.of());
        data.produce("cg-lag", 0, 10, ONE_HOUR_AGO);
        data.produce("cg-lag", 1, 5, ONE_HOUR_AGO);
        data.commit("cg-lag-app", "cg-lag", Map.of(0, 4L, 1, 5L));

        CommandResult r = groups("--describe", "--group", "cg-lag-app").assertSuccess();
        assertEquals("samsa-consumer-groups: Consumer group 'cg-lag-app' has no active members.\n", r.stderr());
        List<String> lines = r.stdoutLines();
        assertEquals("", lines.get(0));
        assertEquals(List.of("GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST",
                "CLIENT-ID"), cells(lines.get(1)));
        assertEquals(List.of("cg-lag-app", "cg-lag", "0", "4", "10", "6", "-", "-", "-"), cells(lines.get(2)));
        assertEquals(List.of("cg-lag-app", "cg-lag", "1", "5", "5", "0", "-", "-", "-"), cells(lines.get(3)));
        assertEquals("Total lag of group 'cg-lag-app': 6", lines.get(4));
        assertEquals(5, lines.size(), r::describe);

        JsonNode doc = JSON.readTree(groups("--describe", "--group", "cg-lag-app", "--output", "json").assertSuccess().stdout());
        JsonNode g = doc.get("groups").get(0);
        assertEquals("cg-lag-app", g.get("group").asText());
        assertEquals("Empty", g.get("state").asText());
        assertEquals(6, g.get("totalLag").asLong());
        assertEquals(6, g.get("partitions").get(0).get("lag").asLong());
        assertTrue(g.get("partitions").get(0).get("consumerId").isNull());
        assertTrue(tools().broker().brokerIds().contains(g.get("coordinator").get("id").asInt()), g::toString);

        List<String> state = groups("--describe", "--group", "cg-lag-app", "--state").assertSuccess().stdoutLines();
        assertEquals(List.of("GROUP", "COORDINATOR", "(ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"), cells(state.get(1)));
        assertTrue(state.get(2).startsWith("cg-lag-app ") && state.get(2).matches(".* Empty +0"), state.get(2));

        assertTrue(groups("--list").assertSuccess().stdoutLines().contains("cg-lag-app"));
        List<String> listed = groups("--list", "--state", "empty").assertSuccess().stdoutLines();
        assertEquals(List.of("GROUP", "STATE"), cells(listed.get(0)));
        assertTrue(listed.stream().map(ConsumerGroupsToolTests::cells).anyMatch(c -> c.equals(List.of("cg-lag-app", "Empty"))),
                listed::toString);

        // A ZooKeeper-mode cluster's groups are all classic ones (ListGroups v5 says so).
        List<String> typed = groups("--list", "--type", "classic", "--state", "Empty").assertSuccess().stdoutLines();
        assertEquals(List.of("GROUP", "TYPE", "STATE"), cells(typed.get(0)));
        assertTrue(typed.stream().map(ConsumerGroupsToolTests::cells)
                .anyMatch(c -> c.equals(List.of("cg-lag-app", "Classic", "Empty"))), typed::toString);
        assertEquals(List.of("GROUP", "TYPE"), cells(groups("--list", "--type").assertSuccess().stdoutLines().get(0)));
        assertEquals(List.of(List.of("GROUP", "TYPE")), groups("--list", "--type", "consumer").assertSuccess().stdoutLines()
                .stream().map(ConsumerGroupsToolTests::cells).toList(), "no group of the new protocol");
        JsonNode listing = JSON.readTree(groups("--list", "--type", "--output", "json").assertSuccess().stdout());
        boolean found = false;
        for (JsonNode entry : listing.get("groups")) {
            if (entry.get("group").asText().equals("cg-lag-app")) {
                assertEquals("Classic", entry.get("type").asText(), entry::toString);
                found = true;
            }
        }
        assertTrue(found, listing::toString);
    }

    @Test
    default void exportsAResetPlanAndResetsFromIt(@TempDir Path dir) throws Exception {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("cg-file", 2, Map.of());
        data.produce("cg-file", 0, 10, ONE_HOUR_AGO);
        data.produce("cg-file", 1, 4, ONE_HOUR_AGO);
        data.commit("cg-file-a", "cg-file", Map.of(0, 9L, 1, 4L));
        data.commit("cg-file-b", "cg-file", Map.of(0, 1L));

        CommandResult exported = groups("--reset-offsets", "--group", "cg-file-a", "--topic", "cg-file", "--to-earliest",
                "--dry-run", "--export").assertSuccess();
        assertEquals("cg-file,0,0\ncg-file,1,0\n", exported.stdout(), "Kafka's CSV, without the group for one --group");
        CommandResult both = groups("--reset-offsets", "--group", "cg-file-a", "--group", "cg-file-b", "--topic", "cg-file:0",
                "--to-latest", "--dry-run", "--export").assertSuccess();
        assertEquals("cg-file-a,cg-file,0,10\ncg-file-b,cg-file,0,10\n", both.stdout());

        Path one = Files.writeString(dir.resolve("one.csv"), "cg-file,0,3\ncg-file,1,99\n");
        CommandResult fromOne = groups("--reset-offsets", "--group", "cg-file-a", "--from-file", one.toString(), "--execute")
                .assertSuccess();
        assertEquals(List.of("cg-file-a", "cg-file", "0", "9", "3"), cells(fromOne.stdoutLines().get(2)));
        assertEquals(List.of("cg-file-a", "cg-file", "1", "4", "4"), cells(fromOne.stdoutLines().get(3)));
        assertEquals("samsa-consumer-groups: warning: new offset 99 of cg-file-1 is past its log end offset 4; using 4\n",
                fromOne.stderr());
        assertEquals(Map.of(0, 3L, 1, 4L), data.committed("cg-file-a", "cg-file"));

        Path twoGroups = Files.writeString(dir.resolve("two.csv"), "cg-file-b,cg-file,0,7\ncg-file-a,cg-file,1,2\n");
        groups("--reset-offsets", "--group", "cg-file-a", "--group", "cg-file-b", "--from-file", twoGroups.toString(),
                "--execute").assertSuccess();
        assertEquals(Map.of(0, 3L, 1, 2L), data.committed("cg-file-a", "cg-file"));
        assertEquals(Map.of(0, 7L), data.committed("cg-file-b", "cg-file"));

        assertFailure(groups("--reset-offsets", "--group", "cg-file-a", "--group", "cg-file-b", "--from-file", one.toString(),
                "--dry-run"), "samsa-consumer-groups: " + one + " line 1: expected group,topic,partition,offset, not 'cg-file,0,3'");
        assertUsageError(groups("--reset-offsets", "--group", "cg-file-a", "--from-file", one.toString(), "--all-topics",
                "--dry-run"), "samsa-consumer-groups: error: --from-file names the partitions itself, so it cannot go with "
                + "--all-topics");
    }

    @Test
    default void anActiveGroupShowsItsMembersAndIsNeitherResetNorDeleted() {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("cg-active", 2, Map.of());
        data.produce("cg-active", 0, 3, ONE_HOUR_AGO);
        try (KafkaConsumer<String, String> member = data.activeMember("cg-active-app", "cg-client", "cg-active")) {
            List<String> members = groups("--describe", "--group", "cg-active-app", "--members", "--verbose")
                    .assertSuccess().stdoutLines();
            assertEquals(List.of("GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS", "ASSIGNMENT"), cells(members.get(1)));
            List<String> row = cells(members.get(2));
            assertEquals("cg-active-app", row.get(0));
            assertTrue(row.get(1).startsWith("cg-client-"), row::toString);
            assertEquals(List.of("/127.0.0.1", "cg-client", "2", "cg-active(0,1)"), row.subList(2, 6));

            List<String> offsets = groups("--describe", "--group", "cg-active-app").assertSuccess().stdoutLines();
            assertEquals(row.get(1), cells(offsets.get(2)).get(6), "the partition's member");
            assertEquals("cg-client", cells(offsets.get(2)).get(8));

            assertFailure(groups("--reset-offsets", "--group", "cg-active-app", "--topic", "cg-active", "--to-earliest",
                    "--dry-run"), "samsa-consumer-groups: Assignments can only be reset if the group 'cg-active-app' is "
                    + "inactive, but the current state is Stable.");
            assertFailure(groups("--delete", "--group", "cg-active-app"),
                    "samsa-consumer-groups: Consumer group 'cg-active-app' could not be deleted: it has active members");
        }
    }

    @Test
    default void resetsOffsetsShowingThemBeforeAndAfter() throws Exception {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("cg-reset", 2, Map.of());
        data.produce("cg-reset", 0, 10, ONE_HOUR_AGO);
        data.commit("cg-reset-app", "cg-reset", Map.of(0, 8L));

        CommandResult dry = groups("--reset-offsets", "--group", "cg-reset-app", "--topic", "cg-reset:0", "--to-earliest",
                "--dry-run").assertSuccess();
        List<String> plan = dry.stdoutLines();
        assertEquals(List.of("GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "NEW-OFFSET"), cells(plan.get(1)));
        assertEquals(List.of("cg-reset-app", "cg-reset", "0", "8", "0"), cells(plan.get(2)));
        assertEquals("samsa-consumer-groups: dry run: no offsets were changed (--execute commits them)\n", dry.stderr());
        assertEquals(Map.of(0, 8L), data.committed("cg-reset-app", "cg-reset"), "a dry run changes nothing");

        List<String> shifted = groups("--reset-offsets", "--group", "cg-reset-app", "--topic", "cg-reset:0", "--shift-by", "-3",
                "--execute").assertSuccess().stdoutLines();
        assertEquals(List.of("cg-reset-app", "cg-reset", "0", "8", "5"), cells(shifted.get(2)));
        assertEquals(Map.of(0, 5L), data.committed("cg-reset-app", "cg-reset"));

        CommandResult clamped = groups("--reset-offsets", "--group", "cg-reset-app", "--topic", "cg-reset", "--to-offset",
                "100", "--execute").assertSuccess();
        assertEquals(List.of("cg-reset-app", "cg-reset", "0", "5", "10"), cells(clamped.stdoutLines().get(2)));
        assertEquals(List.of("cg-reset-app", "cg-reset", "1", "-", "0"), cells(clamped.stdoutLines().get(3)));
        assertEquals("samsa-consumer-groups: warning: new offset 100 of cg-reset-0 is past its log end offset 10; using 10\n"
                + "samsa-consumer-groups: warning: new offset 100 of cg-reset-1 is past its log end offset 0; using 0\n",
                clamped.stderr());
        assertEquals(Map.of(0, 10L, 1, 0L), data.committed("cg-reset-app", "cg-reset"));

        List<String> byTime = groups("--reset-offsets", "--group", "cg-reset-app", "--all-topics", "--by-duration", "PT2H",
                "--dry-run").assertSuccess().stdoutLines();
        assertEquals(List.of("cg-reset-app", "cg-reset", "0", "10", "0"), cells(byTime.get(2)), "every record is an hour old");

        JsonNode doc = JSON.readTree(groups("--reset-offsets", "--group", "cg-reset-app", "--topic", "cg-reset:0",
                "--to-current", "--execute", "--output", "json").assertSuccess().stdout());
        assertTrue(doc.get("executed").asBoolean());
        JsonNode p = doc.get("groups").get(0).get("partitions").get(0);
        assertEquals(10, p.get("currentOffset").asLong());
        assertEquals(10, p.get("newOffset").asLong());

        assertUsageError(groups("--reset-offsets", "--group", "cg-reset-app", "--topic", "cg-reset", "--to-earliest"),
                "samsa-consumer-groups: error: --reset-offsets needs --dry-run (print the new offsets) or --execute (commit them)");
    }

    @Test
    default void deletesOffsetsAndGroups() {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("cg-del", 2, Map.of());
        data.produce("cg-del", 0, 2, ONE_HOUR_AGO);
        data.commit("cg-del-app", "cg-del", Map.of(0, 1L, 1, 0L));

        List<String> deleted = groups("--delete-offsets", "--group", "cg-del-app", "--topic", "cg-del:0").assertSuccess()
                .stdoutLines();
        assertEquals(List.of(List.of("TOPIC", "PARTITION", "STATUS"), List.of("cg-del", "0", "Successful")),
                deleted.stream().map(ConsumerGroupsToolTests::cells).toList());
        assertEquals(Map.of(1, 0L), data.committed("cg-del-app", "cg-del"));

        assertEquals("Deletion of requested consumer groups ('cg-del-app') was successful.\n",
                groups("--delete", "--group", "cg-del-app").assertSuccess().stdout());
        assertFailure(groups("--delete", "--group", "cg-del-app"), "samsa-consumer-groups: Consumer group 'cg-del-app' does not exist");
    }

    @Test
    default void consumerGroupsBadInputIsOneLineOrTheUsage() {
        ToolTestData data = new ToolTestData(tools().broker());
        data.createTopic("cg-known-topic", 1, Map.of());
        data.commit("cg-known-group", "cg-known-topic", Map.of(0, 0L));

        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        CommandResult r = SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--list");
        assertFailure(r, "samsa-consumer-groups: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                + " refused the connection");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "failed fast");

        assertFailure(groups("--describe", "--group", "cg-known-grop"),
                "samsa-consumer-groups: Consumer group 'cg-known-grop' does not exist; did you mean 'cg-known-group'?");
        assertFailure(groups("--reset-offsets", "--group", "cg-known-group", "--topic", "cg-known-topci", "--to-earliest",
                "--dry-run"), "samsa-consumer-groups: Topic 'cg-known-topci' does not exist; did you mean 'cg-known-topic'?");
        assertFailure(groups("--reset-offsets", "--group", "cg-known-group", "--topic", "cg-known-topic:3", "--to-earliest",
                "--dry-run"), "samsa-consumer-groups: Topic 'cg-known-topic' has no partition 3 (it has 1)");
        assertUsageError(groups("--describe"), "samsa-consumer-groups: error: --describe needs --group or --all-groups");
        assertUsageError(groups("--list", "--type", "clasic"), "samsa-consumer-groups: error: --type: unknown type 'clasic'; "
                + "did you mean 'classic'? (the types are consumer, classic)");
        assertUsageError(groups("--list", "--state", "stabel"), "samsa-consumer-groups: error: --state: unknown state "
                + "'stabel'; did you mean 'Stable'? (the states are PreparingRebalance, CompletingRebalance, Stable, Dead, "
                + "Empty, Assigning, Reconciling)");
        assertUsageError(SamsaTools.run(SCRIPT, "--list"), "samsa-consumer-groups: error: missing required option --bootstrap-server");
        CommandResult help = SamsaTools.run(SCRIPT, "--help");
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().startsWith("samsa-consumer-groups: lists, describes"), help::describe);
        assertNoStackTrace(groups("--describe", "--group", "cg-never"));
    }

    // --- helpers

    private CommandResult groups(String... args) {
        return tools().onCluster(SCRIPT, args);
    }

    /** A table row's cells: Kafka's columns are padded with spaces and hold none. */
    private static List<String> cells(String row) {
        return List.of(row.trim().split(" +"));
    }
}
