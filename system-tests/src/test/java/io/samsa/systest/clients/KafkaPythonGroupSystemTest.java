package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kafka-python 2.0.2 consumer groups: the seed snippets (group consumer, producer, plain and JSON),
 * and two members sharing a topic, one leaving, and a restarted member resuming from the
 * committed offsets.
 */
@Tag("system")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class KafkaPythonGroupSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("kafka-python-groups");

    private static final String PYTHON = "/usr/bin/python3";
    private final ObjectMapper mapper = new ObjectMapper();

    private CommandResult run(String script, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, Path.of(getClass().getResource(script).toURI()).toString(),
                SHARED.broker().bootstrapServers()));
        cmd.addAll(List.of(args));
        CommandResult r = ExternalCommand.run(cmd, null, Duration.ofSeconds(150));
        r.assertSuccess();
        return r;
    }

    @Test
    void seedSnippetsRunUnchanged() throws Exception {
        CommandResult plain = run("kafka_python_seed.py", "test_topic", "test_group", "plain", "10");
        List<String> values = new ArrayList<>();
        for (String line : plain.stdoutLines()) {
            values.add(mapper.readTree(line).get("value").asText());
        }
        assertEquals(List.of("message 0", "message 1", "message 2", "message 3", "message 4", "message 5", "message 6",
                "message 7", "message 8", "message 9"), values, plain::describe);

        CommandResult json = run("kafka_python_seed.py", "json_topic", "json_group", "json", "5");
        List<String> lines = json.stdoutLines();
        assertEquals(5, lines.size(), json::describe);
        for (int i = 0; i < 5; i++) {
            JsonNode value = mapper.readTree(lines.get(i)).get("value");
            assertEquals(i, value.get("number").asInt());
            assertEquals("message " + i, value.get("text").asText());
        }

        // The snippets rely on auto-creation: the brokers' default.replication.factor applies.
        Map<String, TopicDescription> created = Topics.get(
                SHARED.admin().describeTopics(List.of("test_topic", "json_topic")).allTopicNames());
        for (TopicDescription d : created.values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                assertEquals(3, p.replicas().size(), d::toString);
            }
        }
    }

    @Test
    void membersShareLeaveAndResumeFromCommittedOffsets() throws Exception {
        Topics.create(SHARED.admin(), "py-group-topic", 4);
        CommandResult r = run("kafka_python_group.py", "py-group-topic", "py-group");
        List<JsonNode> phases = new ArrayList<>();
        for (String line : r.stdoutLines()) {
            phases.add(mapper.readTree(line));
        }
        assertEquals(4, phases.size(), r::describe);
        JsonNode split = phases.get(0);
        Set<Integer> all = new HashSet<>();
        split.get("a").forEach(n -> all.add(n.asInt()));
        split.get("b").forEach(n -> all.add(n.asInt()));
        assertEquals(Set.of(0, 1, 2, 3), all, "the two members split the four partitions");
        assertEquals(2, split.get("a").size());
        JsonNode consumed = phases.get(1);
        assertEquals(40, consumed.get("a").asInt() + consumed.get("b").asInt());
        assertTrue(consumed.get("a").asInt() > 0 && consumed.get("b").asInt() > 0, "both members consumed");
        assertEquals("[0,1,2,3]", phases.get(2).get("b").toString(), "the remaining member owns all four");
        List<String> resumed = new ArrayList<>();
        phases.get(3).get("values").forEach(n -> resumed.add(n.asText()));
        assertEquals(20, resumed.size(), "only the records produced after the last commit: " + resumed);
        assertTrue(resumed.stream().allMatch(v -> v.startsWith("third-")), resumed::toString);
    }
}
