package io.samsa.systest.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import io.samsa.systest.harness.ExternalCommand;
import io.samsa.systest.harness.ProcessCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kafkajs 2.2.4 (installed from system-tests/js by .ci/install-test-tools): admin, an idempotent
 * gzip producer with keys and headers, and a group consumer, through kafkajs_roundtrip.js.
 */
@Tag("system")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkajsSystemTest {

    @RegisterExtension
    static final SharedBroker SHARED = new SharedBroker("kafkajs");

    private static final int COUNT = 60;

    @Test
    void producesAndConsumesInAGroup() throws Exception {
        String script = ProcessCluster.HOME.resolve("system-tests/js/kafkajs_roundtrip.js").toString();
        CommandResult r = ExternalCommand.run(List.of("node", script, SHARED.broker().bootstrapServers(), "kafkajs-topic",
                "kafkajs-group", Integer.toString(COUNT)), null, Duration.ofSeconds(120));
        r.assertSuccess();
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<JsonNode>> events = new HashMap<>();
        for (String line : r.stdoutLines()) {
            JsonNode n = mapper.readTree(line);
            events.computeIfAbsent(n.get("event").asText(), k -> new ArrayList<>()).add(n);
        }
        assertEquals("[\"kafkajs-topic\"]", events.get("listed").get(0).get("topics").toString(), r::describe);
        for (JsonNode p : events.get("produced").get(0).get("partitions")) {
            assertEquals(0, p.get("error").asInt());
            assertEquals(0, p.get("baseOffset").asLong(), "one batch per partition, from offset 0");
        }
        List<JsonNode> consumed = events.get("consumed");
        assertEquals(COUNT, consumed.size(), r::describe);
        Map<Integer, Long> nextOffset = new TreeMap<>();
        boolean[] seen = new boolean[COUNT];
        for (JsonNode c : consumed) {
            int i = Integer.parseInt(c.get("key").asText().substring("key-".length()));
            assertEquals("value-" + i, c.get("value").asText());
            assertEquals(Integer.toString(i), c.get("idx").asText());
            seen[i] = true;
            int partition = c.get("partition").asInt();
            long expected = nextOffset.getOrDefault(partition, 0L);
            assertEquals(expected, c.get("offset").asLong(), "offsets in order within partition " + partition);
            nextOffset.put(partition, expected + 1);
        }
        for (int i = 0; i < COUNT; i++) {
            assertEquals(true, seen[i], "record " + i + " consumed");
        }
        Map<Integer, Long> committed = new TreeMap<>();
        for (JsonNode p : events.get("committed").get(0).get("partitions")) {
            committed.put(p.get("partition").asInt(), p.get("offset").asLong());
        }
        assertEquals(nextOffset, committed, "the group committed every partition's end");

        // kafkajs created the topic without a replication factor: the brokers' default.replication.factor applies.
        TopicDescription created = Topics.get(SHARED.admin().describeTopics(List.of("kafkajs-topic")).allTopicNames())
                .get("kafkajs-topic");
        for (TopicPartitionInfo p : created.partitions()) {
            assertEquals(3, p.replicas().size(), created::toString);
        }
    }
}
