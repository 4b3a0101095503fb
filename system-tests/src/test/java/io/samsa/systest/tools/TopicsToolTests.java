package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertNoStackTrace;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-topics.sh} against a live deployment: every action and flag it takes, its
 * output in Kafka 3.9's format and as JSON, and its answers to bad input (an unknown topic, a
 * misspelt config key or option, a missing flag, a dead bootstrap server).
 */
interface TopicsToolTests {

    String SCRIPT = "samsa-topics.sh";
    Duration WAIT = Duration.ofSeconds(60);
    /** A partition line of --describe (ELR is KRaft's: N/A in ZooKeeper mode, on both brokers). */
    Pattern PARTITION_LINE = Pattern.compile(
            "\tTopic: (\\S+)\tPartition: (\\d+)\tLeader: (\\d+)\tReplicas: ([\\d,]+)\tIsr: ([\\d,]+)\tElr: N/A\tLastKnownElr: N/A");
    String TOPIC_ID = "[A-Za-z0-9_-]{22}";
    ObjectMapper JSON = new ObjectMapper();

    SamsaTools tools();

    @Test
    default void createsListsDescribesAndDeletesATopic() {
        assertEquals("Created topic tt-basic.\n", topics("--create", "--topic", "tt-basic", "--partitions", "3",
                "--replication-factor", "3").assertSuccess().stdout());
        List<String> listed = topics("--list").assertSuccess().stdoutLines();
        assertTrue(listed.contains("tt-basic"), listed::toString);
        assertEquals(listed.stream().sorted().toList(), listed, "sorted");

        List<String> lines = describeWithLeaders("tt-basic", 3);
        assertTrue(Pattern.matches("Topic: tt-basic\tTopicId: " + TOPIC_ID + "\tPartitionCount: 3\tReplicationFactor: 3\t"
                + "Configs: min.insync.replicas=2", lines.get(0)), lines.get(0));
        for (int p = 0; p < 3; p++) {
            assertHealthyPartitionLine("tt-basic", p, 3, lines.get(p + 1));
        }

        assertEquals("", topics("--delete", "--topic", "tt-basic").assertSuccess().stdout());
        Wait.until("tt-basic gone", WAIT, () -> !topics("--list").assertSuccess().stdoutLines().contains("tt-basic"));
        assertFailure(topics("--describe", "--topic", "tt-basic"), "samsa-topics: Topic 'tt-basic' does not exist");
    }

    @Test
    default void createsWithConfigsAndShowsTopicsWithOverrides() {
        topics("--create", "--topic", "tt-configured", "--partitions", "1", "--replication-factor", "3",
                "--config", "retention.ms=86400000", "--config", "cleanup.policy=compact").assertSuccess();
        topics("--create", "--topic", "tt-unconfigured", "--partitions", "1").assertSuccess();
        String line = describeWithLeaders("tt-configured", 1).get(0);
        assertTrue(line.endsWith("\tPartitionCount: 1\tReplicationFactor: 3\t"
                + "Configs: cleanup.policy=compact,min.insync.replicas=2,retention.ms=86400000"), line);
        describeWithLeaders("tt-unconfigured", 1);
        // The brokers' min.insync.replicas is in Configs (not a default) but is not the topic's own override.
        assertEquals(List.of(line), topics("--describe", "--topic", "tt-(un)?configured", "--topics-with-overrides")
                .assertSuccess().stdoutLines());
    }

    @Test
    default void createsWithAReplicaAssignmentAndAltersPartitions() {
        List<Integer> ids = tools().broker().brokerIds();
        int a = ids.get(0);
        int b = ids.get(1);
        int c = ids.get(2);
        topics("--create", "--topic", "tt-assigned", "--replica-assignment", b + ":" + c + "," + c + ":" + a).assertSuccess();
        List<String> lines = describeWithLeaders("tt-assigned", 2);
        assertTrue(lines.get(0).contains("\tPartitionCount: 2\tReplicationFactor: 2\t"), lines.get(0));
        assertEquals(List.of(b, c), replicas(lines.get(1)));
        assertEquals(List.of(c, a), replicas(lines.get(2)));

        assertEquals("", topics("--alter", "--topic", "tt-assigned", "--partitions", "3").assertSuccess().stdout());
        assertEquals(4, describeWithLeaders("tt-assigned", 3).size());
        topics("--alter", "--topic", "tt-assigned", "--partitions", "4", "--replica-assignment",
                b + ":" + c + "," + c + ":" + a + "," + a + ":" + b + "," + a + ":" + c).assertSuccess();
        assertEquals(List.of(a, c), replicas(describeWithLeaders("tt-assigned", 4).get(4)));

        CommandResult fewer = topics("--alter", "--topic", "tt-assigned", "--partitions", "2");
        assertEquals(1, fewer.exitCode(), fewer::describe);
        assertEquals(1, fewer.stderr().lines().count(), fewer::describe);
        assertTrue(fewer.stderr().startsWith("samsa-topics: ") && fewer.stderr().contains("4"), fewer::describe);
    }

    @Test
    default void ifExistsAndIfNotExistsMakeMissingOrExistingTopicsNoError() {
        topics("--create", "--topic", "tt-exists", "--partitions", "1").assertSuccess();
        assertEquals("", topics("--create", "--topic", "tt-exists", "--partitions", "1", "--if-not-exists")
                .assertSuccess().stdout());
        CommandResult again = topics("--create", "--topic", "tt-exists", "--partitions", "1");
        assertEquals(1, again.exitCode(), again::describe);
        assertTrue(again.stderr().startsWith("samsa-topics: ") && again.stderr().contains("already exists"), again::describe);
        assertEquals(1, again.stderr().lines().count(), again::describe);

        for (String action : List.of("--describe", "--delete")) {
            assertEquals("", topics(action, "--topic", "tt-never", "--if-exists").assertSuccess().stdout(), action);
            assertFailure(topics(action, "--topic", "tt-never"), "samsa-topics: Topic 'tt-never' does not exist");
        }
        assertEquals("", topics("--alter", "--topic", "tt-never", "--partitions", "2", "--if-exists").assertSuccess().stdout());
        assertFailure(topics("--alter", "--topic", "tt-never", "--partitions", "2"),
                "samsa-topics: Topic 'tt-never' does not exist");
        assertFailure(topics("--describe", "--topic", "tt-exsits"),
                "samsa-topics: Topic 'tt-exsits' does not exist; did you mean 'tt-exists'?");
        assertFailure(topics("--describe", "--topic", "tt-nomatch-.*"), "samsa-topics: No topic matches 'tt-nomatch-.*'");
    }

    @Test
    default void describesATopicByItsId() {
        topics("--create", "--topic", "tt-by-id", "--partitions", "2").assertSuccess();
        List<String> byName = describeWithLeaders("tt-by-id", 2);
        Matcher id = Pattern.compile("\tTopicId: (" + TOPIC_ID + ")\t").matcher(byName.get(0));
        assertTrue(id.find(), byName.get(0));
        assertEquals(byName, topics("--describe", "--topic-id", id.group(1), "--topic", "ignored-when-an-id-is-given")
                .assertSuccess().stdoutLines());
        assertEquals(byName, topics("--describe", "--topic-id", id.group(1), "--partition-size-limit-per-response", "1")
                .assertSuccess().stdoutLines(), "the limit pages a request ZooKeeper-mode clusters do not serve");
        String unknown = "AAAAAAAAAAAAAAAAAAAAAQ";
        assertFailure(topics("--describe", "--topic-id", unknown), "samsa-topics: Topic id '" + unknown + "' does not exist");
        assertEquals("", topics("--describe", "--topic-id", unknown, "--if-exists").assertSuccess().stdout());
    }

    @Test
    default void topicArgumentsAreRegularExpressions() {
        for (String t : List.of("tt-re-a", "tt-re-b", "tt-rex")) {
            topics("--create", "--topic", t, "--partitions", "1").assertSuccess();
        }
        Wait.until("tt-re-* described", WAIT, () -> {
            CommandResult r = topics("--describe", "--topic", "tt-re-.*");
            return r.exitCode() == 0 && r.stdoutLines().stream().filter(l -> l.startsWith("Topic: ")).count() == 2;
        });
        assertEquals(List.of("tt-re-a", "tt-re-b"), topics("--list", "--topic", "tt-re-.*").assertSuccess().stdoutLines());
        assertEquals(List.of("tt-re-a", "tt-rex"), topics("--list", "--topic", "tt-re-a,tt-rex").assertSuccess().stdoutLines());
        topics("--delete", "--topic", "tt-re-.*").assertSuccess();
        Wait.until("tt-re-* deleted", WAIT,
                () -> topics("--list", "--topic", "tt-re.*").assertSuccess().stdoutLines().equals(List.of("tt-rex")));
    }

    @Test
    default void internalTopicsAreListedUnlessExcluded() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, tools().broker().bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            // Finding a group's coordinator makes the brokers create __consumer_offsets.
            admin.listConsumerGroupOffsets("tools-probe").partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
        }
        Wait.until("__consumer_offsets listed", WAIT, () -> topics("--list").assertSuccess().stdoutLines().contains("__consumer_offsets"));
        assertFalse(topics("--list", "--exclude-internal").assertSuccess().stdoutLines().contains("__consumer_offsets"));
        assertTrue(topics("--describe", "--topic", "__consumer_offsets").assertSuccess().stdout()
                .startsWith("Topic: __consumer_offsets\t"));
        assertFailure(topics("--describe", "--topic", "__consumer_offsets", "--exclude-internal"),
                "samsa-topics: Topic '__consumer_offsets' does not exist");
    }

    @Test
    default void partitionFiltersShowOnlyTheirPartitions() {
        // min.insync.replicas is 2 on the brokers: one replica is under it, two are at it, three are neither.
        topics("--create", "--topic", "tt-isr-1", "--partitions", "2", "--replication-factor", "1").assertSuccess();
        topics("--create", "--topic", "tt-isr-2", "--partitions", "2", "--replication-factor", "2").assertSuccess();
        topics("--create", "--topic", "tt-isr-3", "--partitions", "2", "--replication-factor", "3").assertSuccess();
        for (String t : List.of("tt-isr-1", "tt-isr-2", "tt-isr-3")) {
            describeWithLeaders(t, 2);
        }
        assertEquals(Set.of("tt-isr-1:0", "tt-isr-1:1"), partitionsShown("--under-min-isr-partitions"));
        assertEquals(Set.of("tt-isr-2:0", "tt-isr-2:1"), partitionsShown("--at-min-isr-partitions"));
        assertEquals(Set.of("tt-isr-1:0", "tt-isr-1:1", "tt-isr-2:0", "tt-isr-2:1"),
                partitionsShown("--under-min-isr-partitions", "--at-min-isr-partitions"));
        assertEquals(Set.of(), partitionsShown("--under-replicated-partitions"));
        assertEquals(Set.of(), partitionsShown("--unavailable-partitions"));
    }

    @Test
    default void listAndDescribePrintOneJsonDocument() throws Exception {
        topics("--create", "--topic", "tt-json", "--partitions", "2", "--config", "retention.ms=1000").assertSuccess();
        describeWithLeaders("tt-json", 2);
        JsonNode list = JSON.readTree(topics("--list", "--topic", "tt-json", "--output", "json").assertSuccess().stdout());
        assertEquals(1, list.get("topics").size());
        JsonNode listed = list.get("topics").get(0);
        assertEquals("tt-json", listed.get("name").asText());
        assertTrue(listed.get("topicId").asText().matches(TOPIC_ID), listed::toString);
        assertFalse(listed.get("internal").asBoolean());

        JsonNode doc = JSON.readTree(topics("--describe", "--topic", "tt-json", "--output", "json").assertSuccess().stdout());
        JsonNode t = doc.get("topics").get(0);
        assertEquals("tt-json", t.get("name").asText());
        assertEquals(listed.get("topicId"), t.get("topicId"));
        assertEquals(2, t.get("partitionCount").asInt());
        assertEquals(3, t.get("replicationFactor").asInt());
        assertEquals("1000", t.get("configs").get("retention.ms").asText());
        assertEquals("2", t.get("configs").get("min.insync.replicas").asText());
        JsonNode p1 = t.get("partitions").get(1);
        assertEquals(1, p1.get("partition").asInt());
        assertEquals(3, p1.get("replicas").size());
        assertEquals(p1.get("replicas").get(0), p1.get("leader"));
        assertEquals(3, p1.get("isr").size());
        assertEquals(0, p1.get("addingReplicas").size());
        assertEquals(0, p1.get("removingReplicas").size());
    }

    @Test
    default void aCommandConfigFileConfiguresTheAdminClientAndItsTyposAreWarnedAbout(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("admin.properties");
        Files.writeString(file, "client.id=samsa-tools-test\nrequest.timeout.ms=30000\nretry.backof.ms=100\n");
        CommandResult r = topics("--list", "--command-config", file.toString());
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals("samsa-topics: warning: unknown admin client config in --command-config " + file
                + " 'retry.backof.ms' is ignored; did you mean 'retry.backoff.ms'?\n", r.stderr());
        Path missing = dir.resolve("missing.properties");
        assertFailure(topics("--list", "--command-config", missing.toString()),
                "samsa-topics: --command-config " + missing + ": no such file");
    }

    @Test
    default void aDeadBootstrapServerFailsFastNamingTheAddress() {
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        CommandResult r = SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--list");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertFailure(r, "samsa-topics: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                + " refused the connection");
        assertTrue(seconds < 10, "took " + seconds + " s");

        start = System.nanoTime();
        r = SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--describe", "--timeout", "1500");
        seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertFailure(r, "samsa-topics: cannot reach the cluster at " + dead + " within 1500 ms: " + dead
                + " refused the connection");
        assertTrue(seconds < 6, "took " + seconds + " s");
    }

    @Test
    default void badCommandLinesExitTwoWithTheReasonAndTheUsage() {
        assertUsageError(topics("--create", "--topic", "tt-typo", "--config", "retension.ms=1000"),
                "samsa-topics: error: unknown topic config 'retension.ms'; did you mean 'retention.ms'?");
        assertUsageError(topics("--create", "--partitions", "1"), "samsa-topics: error: missing required option --topic");
        assertUsageError(SamsaTools.run(SCRIPT, "--list"), "samsa-topics: error: missing required option --bootstrap-server");
        assertUsageError(topics("--alter", "--topic", "t"), "samsa-topics: error: missing required option --partitions");
        assertUsageError(topics("--describe", "--topci", "t"), "samsa-topics: error: unknown option --topci; did you mean --topic?");
        assertUsageError(topics("--topic", "t"), "samsa-topics: error: give exactly one action: --list, --describe, "
                + "--create, --alter or --delete");
        assertUsageError(topics("--list", "--output", "yaml"), "samsa-topics: error: --output must be table or json, not 'yaml'");
        assertUsageError(topics("--create", "--topic", "t", "--partitions", "x"),
                "samsa-topics: error: --partitions takes a number, not 'x'");
        assertUsageError(SamsaTools.run(SCRIPT), "samsa-topics: error: give exactly one action: --list, --describe, "
                + "--create, --alter or --delete");
        assertUsageError(topics("--alter", "--topic", "tt-typo", "--delete-config", "retention.ms"), "samsa-topics: error: "
                + "--delete-config cannot go with --bootstrap-server (nor can it in Kafka 3.9); remove a topic's config "
                + "override with samsa-configs.sh --alter --entity-type topics --entity-name TOPIC --delete-config retention.ms");
        assertUsageError(SamsaTools.run(SCRIPT, "--zookeeper", "localhost:2181", "--list"), "samsa-topics: error: --zookeeper "
                + "is not supported: Samsa's tools talk to the brokers, as Kafka's have since 3.0 (kafka-configs kept it only "
                + "for SCRAM credentials); give --bootstrap-server HOST:PORT instead");
        assertUsageError(topics("--describe", "--topic-id", "nope"), "samsa-topics: error: --topic-id 'nope' is not a topic id "
                + "(22 characters of URL-safe base64, as --describe prints it)");
        assertFalse(topics("--list").assertSuccess().stdoutLines().contains("tt-typo"), "nothing was created");
    }

    @Test
    default void helpAndVerbose() {
        CommandResult help = SamsaTools.run(SCRIPT, "--help");
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().startsWith("samsa-topics: creates, lists, describes"), help::describe);
        assertTrue(help.stdout().contains("--replica-assignment"), help::describe);

        CommandResult quiet = topics("--delete", "--topic", "tt-verbose");
        assertNoStackTrace(quiet);
        CommandResult verbose = topics("--delete", "--topic", "tt-verbose", "--verbose");
        assertEquals(1, verbose.exitCode(), verbose::describe);
        List<String> lines = verbose.stderr().lines().toList();
        assertEquals("samsa-topics: Topic 'tt-verbose' does not exist", lines.get(0), verbose::describe);
        assertTrue(verbose.stderr().contains("\tat io.samsa.tools.topics."), "the stack trace follows: " + verbose.describe());
    }

    // --- helpers

    private CommandResult topics(String... args) {
        return tools().onCluster(SCRIPT, args);
    }

    /** --describe of one topic, once every partition has a leader everywhere (metadata reaches brokers a little late). */
    private List<String> describeWithLeaders(String topic, int partitions) {
        List<List<String>> result = new ArrayList<>();
        Wait.until(topic + " described with leaders", WAIT, () -> {
            CommandResult r = topics("--describe", "--topic", topic);
            if (r.exitCode() != 0) {
                return false;
            }
            List<String> lines = r.stdoutLines();
            result.clear();
            result.add(lines);
            return lines.size() == partitions + 1 && lines.stream().skip(1).noneMatch(l -> l.contains("Leader: none"));
        });
        return result.get(0);
    }

    /** A new partition's line: led by its first replica, every replica in sync. */
    private static void assertHealthyPartitionLine(String topic, int partition, int replicationFactor, String line) {
        Matcher m = PARTITION_LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertEquals(topic, m.group(1), line);
        assertEquals(partition, Integer.parseInt(m.group(2)), line);
        List<Integer> replicas = ids(m.group(4));
        assertEquals(replicationFactor, replicas.size(), line);
        assertEquals(replicas.get(0), Integer.parseInt(m.group(3)), "leader: " + line);
        assertEquals(Set.copyOf(replicas), Set.copyOf(ids(m.group(5))), "ISR: " + line);
    }

    private static List<Integer> replicas(String partitionLine) {
        Matcher m = PARTITION_LINE.matcher(partitionLine);
        assertTrue(m.matches(), partitionLine);
        return ids(m.group(4));
    }

    private static List<Integer> ids(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(Integer::valueOf).toList();
    }

    /** "topic:partition" of each line --describe prints for tt-isr-* with the given filters (no topic lines). */
    private Set<String> partitionsShown(String... filters) {
        List<String> args = new ArrayList<>(List.of("--describe", "--topic", "tt-isr-.*"));
        args.addAll(List.of(filters));
        Set<String> shown = new java.util.TreeSet<>();
        for (String line : topics(args.toArray(String[]::new)).assertSuccess().stdoutLines()) {
            assertTrue(line.startsWith("\tTopic: "), "only partition lines: " + line);
            Matcher m = Pattern.compile("\tTopic: (\\S+)\tPartition: (\\d+)\t.*").matcher(line);
            assertTrue(m.matches(), line);
            shown.add(m.group(1) + ":" + m.group(2));
        }
        return shown;
    }
}
