package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-reassign-partitions.sh} against a live deployment: {@code --generate} balancing
 * a topic whose data sits in one partition on two brokers onto three, by bytes and leaders;
 * {@code --execute} of that proposal with a throttle, {@code --verify --wait} until it is done
 * (throttles lifted), {@code --list}, {@code --cancel}, a rollback with the printed assignment; a
 * throttled move listed and cancelled while in progress (Kafka only: Samsa enforces no throttle, so
 * its moves finish at once); and bad input.
 */
interface ReassignToolTests {

    String REASSIGN = "samsa-reassign-partitions.sh";
    ObjectMapper MAPPER = new ObjectMapper();

    SamsaTools tools();

    @Test
    default void generatesExecutesVerifiesAndRollsBackAReassignment(@TempDir Path dir) throws Exception {
        List<Integer> ids = tools().broker().brokerIds();
        int a = ids.get(0);
        int b = ids.get(1);
        int c = ids.get(2);
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "rt-move", "--replica-assignment",
                a + ":" + b + "," + a + ":" + b + "," + b + ":" + a).assertSuccess();
        produce("rt-move", 0, 2000, 200);
        produce("rt-move", 1, 10, 100);
        Path topicsFile = write(dir, "topics.json", "{\"version\":1,\"topics\":[{\"topic\":\"rt-move\"}]}");

        CommandResult generated = reassign("--generate", "--topics-to-move-json-file", topicsFile.toString(),
                "--broker-list", a + "," + b + "," + c, "--disable-rack-aware");
        List<String> lines = generated.assertSuccess().stdoutLines();
        assertEquals("Current partition replica assignment", lines.get(0), generated::describe);
        String current = "{\"version\":1,\"partitions\":[{\"topic\":\"rt-move\",\"partition\":0,\"replicas\":[" + a + "," + b
                + "],\"log_dirs\":[\"any\",\"any\"]},{\"topic\":\"rt-move\",\"partition\":1,\"replicas\":[" + a + "," + b
                + "],\"log_dirs\":[\"any\",\"any\"]},{\"topic\":\"rt-move\",\"partition\":2,\"replicas\":[" + b + "," + a
                + "],\"log_dirs\":[\"any\",\"any\"]}]}";
        assertEquals(current, lines.get(1));
        assertEquals("", lines.get(2));
        assertEquals("Proposed partition reassignment configuration", lines.get(3));
        List<List<Integer>> proposed = replicas(MAPPER.readTree(lines.get(4)));
        // The big partition stays where it is; the two small ones go to the broker that has nothing,
        // and each broker leads one partition (round-robin would not look at the sizes at all).
        assertEquals(List.of(a, b), proposed.get(0), lines.get(4));
        assertTrue(proposed.get(1).contains(c) && proposed.get(2).contains(c), lines.get(4));
        assertEquals(Set.of(a, b, c), Set.of(proposed.get(0).get(0), proposed.get(1).get(0), proposed.get(2).get(0)), lines.get(4));
        Path plan = write(dir, "plan.json", lines.get(4));

        CommandResult executed = reassign("--execute", "--reassignment-json-file", plan.toString(), "--throttle", "50000000");
        assertEquals(0, executed.exitCode(), executed::describe);
        List<String> out = executed.stdoutLines();
        assertEquals(List.of("Current partition replica assignment", "", current, "",
                "Save this to use as the --reassignment-json-file option during rollback",
                "Warning: You must run --verify periodically, until the reassignment completes, to ensure the throttle is removed."),
                out.subList(0, 6), executed::describe);
        assertEquals("Successfully started partition reassignments for rt-move-0,rt-move-1,rt-move-2", out.get(out.size() - 1));
        if (tools().broker().kind().equals("kafka")) {
            assertEquals("The inter-broker throttle limit was set to 50000000 B/s", out.get(6));
            assertEquals("", executed.stderr(), executed::describe);
        } else {
            assertTrue(executed.stderr().startsWith("samsa-reassign-partitions: warning: the brokers refused the throttle rate"),
                    executed::describe);
        }
        assertNotEquals("", topicConfig("rt-move", "follower.replication.throttled.replicas"), "throttled while moving");

        CommandResult verified = reassign("--verify", "--reassignment-json-file", plan.toString(), "--wait");
        assertEquals(List.of("Status of partition reassignment:", "Reassignment of partition rt-move-0 is completed.",
                "Reassignment of partition rt-move-1 is completed.", "Reassignment of partition rt-move-2 is completed.",
                "Clearing broker-level throttles on brokers " + a + "," + b + "," + c,
                "Clearing topic-level throttles on topic rt-move"), verified.assertSuccess().stdoutLines());
        assertEquals("", topicConfig("rt-move", "leader.replication.throttled.replicas"), "lifted");
        assertEquals("", topicConfig("rt-move", "follower.replication.throttled.replicas"), "lifted");
        assertEquals(proposed, describe("rt-move"));

        assertEquals(List.of("No partition reassignments found."), reassign("--list").assertSuccess().stdoutLines());
        assertEquals(0, MAPPER.readTree(reassign("--list", "--output", "json").assertSuccess().stdout()).get("reassignments").size());
        JsonNode status = MAPPER.readTree(reassign("--verify", "--reassignment-json-file", plan.toString(), "--output", "json",
                "--preserve-throttles").assertSuccess().stdout());
        assertTrue(status.get("complete").asBoolean(), status::toString);
        assertEquals("completed", status.get("partitions").get(2).get("status").asText());
        assertEquals(proposed.get(2).get(0), status.get("partitions").get(2).get("currentReplicas").get(0).asInt());
        assertFalse(status.get("throttlesCleared").asBoolean());

        assertEquals("None of the specified partition reassignments are active.",
                reassign("--cancel", "--reassignment-json-file", plan.toString()).assertSuccess().stdoutLines().get(0));

        // Roll back with what --execute printed, waiting for it.
        Path rollback = write(dir, "rollback.json", current);
        // Kafka's other --execute flags: its log-dir throttle has nothing to limit, since no replica changes directory.
        CommandResult back = reassign("--execute", "--reassignment-json-file", rollback.toString(), "--wait",
                "--additional", "--replica-alter-log-dirs-throttle", "1000000", "--timeout", "10000");
        assertTrue(back.assertSuccess().stdout().contains("Reassignment of partition rt-move-2 is completed.\n"), back::describe);
        assertEquals("samsa-reassign-partitions: warning: --replica-alter-log-dirs-throttle is not set on any broker: this "
                + "reassignment moves no replica between log directories\n", back.stderr(), back::describe);
        assertEquals(List.of(List.of(a, b), List.of(a, b), List.of(b, a)), describe("rt-move"));
        assertFalse(back.stdout().contains("You must run --verify"), back::describe);
    }

    @Test
    default void badReassignmentInputIsOneLineOrTheUsage(@TempDir Path dir) throws IOException {
        List<Integer> ids = tools().broker().brokerIds();
        String brokers = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "rt-bad", "--partitions", "1").assertSuccess();

        Path malformed = write(dir, "malformed.json", "{\"version\":1,\"partitions\":[{\"topic\":\"rt-bad\",}]}");
        CommandResult r = reassign("--execute", "--reassignment-json-file", malformed.toString());
        assertEquals(1, r.exitCode(), r::describe);
        assertEquals(1, r.stderr().lines().count(), r::describe);
        assertTrue(r.stderr().matches("samsa-reassign-partitions: --reassignment-json-file \\S+: not valid JSON \\(line 1, "
                + "column \\d+\\): .+\n"), r::describe);
        SamsaTools.assertNoStackTrace(r);

        Path unknownTopic = write(dir, "unknown.json", "{\"partitions\":[{\"topic\":\"rt-zzzz-unknown\",\"partition\":0,"
                + "\"replicas\":[" + ids.get(0) + "]}]}");
        assertFailure(reassign("--execute", "--reassignment-json-file", unknownTopic.toString()),
                "samsa-reassign-partitions: Topic 'rt-zzzz-unknown' does not exist");
        Path unknownBroker = write(dir, "broker.json", "{\"partitions\":[{\"topic\":\"rt-bad\",\"partition\":0,\"replicas\":[99]}]}");
        assertFailure(reassign("--execute", "--reassignment-json-file", unknownBroker.toString()),
                "samsa-reassign-partitions: Unknown broker id 99 (the cluster's brokers are " + brokers + ")");
        Path unknownPartition = write(dir, "partition.json", "{\"partitions\":[{\"topic\":\"rt-bad\",\"partition\":4,"
                + "\"replicas\":[" + ids.get(0) + "]}]}");
        assertFailure(reassign("--execute", "--reassignment-json-file", unknownPartition.toString()),
                "samsa-reassign-partitions: Partition rt-bad-4 does not exist (topic 'rt-bad' has 1 partition)");
        Path topicsFile = write(dir, "topics.json", "{\"topics\":[{\"topic\":\"rt-bad\"}]}");
        assertFailure(reassign("--generate", "--topics-to-move-json-file", topicsFile.toString(), "--broker-list", "99"),
                "samsa-reassign-partitions: broker 99 of --broker-list is not in the cluster (its brokers are " + brokers + ")");
        Path missing = dir.resolve("missing.json");
        assertFailure(reassign("--verify", "--reassignment-json-file", missing.toString()),
                "samsa-reassign-partitions: --reassignment-json-file " + missing + ": no such file");

        assertUsageError(reassign("--execute"), "samsa-reassign-partitions: error: missing required option --reassignment-json-file");
        assertUsageError(reassign("--verify", "--reassignment-json-file", malformed.toString(), "--throttle", "10"),
                "samsa-reassign-partitions: error: --throttle goes with --execute only");
        assertUsageError(reassign("--generate", "--topics-to-move-json-file", topicsFile.toString()),
                "samsa-reassign-partitions: error: missing required option --broker-list");
        String dead = SamsaTools.deadAddress();
        assertFailure(SamsaTools.run(REASSIGN, "--bootstrap-server", dead, "--list"),
                "samsa-reassign-partitions: cannot reach the cluster at " + dead + " within 5000 ms: " + dead
                        + " refused the connection");
    }

    // --- helpers

    default CommandResult reassign(String... args) {
        return tools().onCluster(REASSIGN, args);
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<List<Integer>> replicas(JsonNode plan) {
        List<List<Integer>> replicas = new ArrayList<>();
        for (JsonNode p : plan.get("partitions")) {
            List<Integer> r = new ArrayList<>();
            p.get("replicas").forEach(n -> r.add(n.asInt()));
            assertEquals(r.size(), new HashSet<>(r).size(), "distinct replicas: " + plan);
            replicas.add(r);
        }
        return replicas;
    }

    private Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, tools().broker().bootstrapServers());
        return Admin.create(p);
    }

    default List<List<Integer>> describe(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
            List<List<Integer>> replicas = new ArrayList<>();
            for (TopicPartitionInfo p : d.partitions()) {
                replicas.add(p.replicas().stream().map(Node::id).toList());
            }
            return replicas;
        }
    }

    default String topicConfig(String topic, String key) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS);
            ConfigEntry e = configs.get(resource).get(key);
            return e == null || e.value() == null ? "" : e.value();
        }
    }

    default void produce(String topic, int partition, int records, int size) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, tools().broker().bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "1"); // rt-slow has one replica, below min.insync.replicas
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, partition, null, new byte[size]));
            }
            producer.flush();
        }
    }
}
