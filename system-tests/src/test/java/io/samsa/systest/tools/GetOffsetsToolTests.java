package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.CommandResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-get-offsets.sh} against a live deployment: latest, earliest, by timestamp and
 * max-timestamp offsets in Kafka's {@code topic:partition:offset} lines, its partition filters,
 * JSON, and bad input.
 */
interface GetOffsetsToolTests {

    String SCRIPT = "samsa-get-offsets.sh";
    ObjectMapper JSON = new ObjectMapper();

    SamsaTools tools();

    @Test
    default void printsOffsetsByTimeAsTopicPartitionOffset() throws Exception {
        ToolTestData data = new ToolTestData(tools().broker());
        long base = System.currentTimeMillis() - 3_600_000L;
        data.createTopic("go-offsets", 3, Map.of());
        data.produce("go-offsets", 0, 5, base);
        data.produce("go-offsets", 1, 3, base);

        assertEquals(List.of("go-offsets:0:5", "go-offsets:1:3", "go-offsets:2:0"), offsets("--topic", "go-offsets"));
        assertEquals(List.of("go-offsets:0:0", "go-offsets:1:0", "go-offsets:2:0"), offsets("--topic", "go-offsets",
                "--time", "earliest"));
        assertEquals(List.of("go-offsets:0:3"), offsets("--topic", "go-offsets", "--time", Long.toString(base + 2_500)),
                "the first record at or after the time; none in partitions 1 and 2");
        assertEquals(List.of("go-offsets:0:4", "go-offsets:1:2"), offsets("--topic", "go-offsets", "--time", "max-timestamp"));
        assertEquals(List.of("go-offsets:1:3", "go-offsets:2:0"), offsets("--topic-partitions", "go-offsets:1-"));
        assertEquals(List.of("go-offsets:0:5", "go-offsets:2:0"), offsets("--topic", "go-off.*", "--partitions", "0,2"));
        assertEquals(offsets("--topic", "go-offsets", "--time", "earliest"), offsets("--topic", "go-offsets", "--time", "-2"));
        assertEquals(offsets("--topic", "go-offsets"), offsets("--topic", "go-offsets", "--time", "-1"));
        assertEquals(List.of("go-offsets:0:4", "go-offsets:1:2"), offsets("--topic", "go-offsets", "--time", "-3"));
        // Kafka's deprecated --broker-list in place of --bootstrap-server.
        CommandResult old = SamsaTools.run(SCRIPT, "--broker-list", tools().broker().bootstrapServers(), "--topic-partitions",
                "go-offsets:0").assertSuccess();
        assertEquals(List.of("go-offsets:0:5"), old.stdoutLines(), old::describe);
        List<String> all = offsets("--exclude-internal-topics");
        assertTrue(all.containsAll(List.of("go-offsets:0:5", "go-offsets:1:3")), all::toString);
        assertTrue(all.stream().noneMatch(l -> l.startsWith("__")), "no internal topic: " + all);

        JsonNode doc = JSON.readTree(tools().onCluster(SCRIPT, "--topic", "go-offsets", "--partitions", "0", "--output", "json")
                .assertSuccess().stdout());
        assertEquals(1, doc.get("offsets").size());
        JsonNode o = doc.get("offsets").get(0);
        assertEquals("go-offsets", o.get("topic").asText());
        assertEquals(0, o.get("partition").asInt());
        assertEquals(5, o.get("offset").asLong());
    }

    @Test
    default void partitionsAreInNumericOrder() {
        new ToolTestData(tools().broker()).createTopic("go-many", 12, Map.of());
        assertEquals(IntStream.range(0, 12).mapToObj(p -> "go-many:" + p + ":0").toList(), offsets("--topic", "go-many"));
    }

    @Test
    default void getOffsetsBadInputIsOneLineOrTheUsage() {
        new ToolTestData(tools().broker()).createTopic("go-known", 1, Map.of());
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        assertFailure(SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--timeout", "2000"),
                "samsa-get-offsets: cannot reach the cluster at " + dead + " within 2000 ms: " + dead + " refused the connection");
        assertTrue(System.nanoTime() - start < 6_000_000_000L, "failed fast");

        assertFailure(tools().onCluster(SCRIPT, "--topic", "go-knwon"),
                "samsa-get-offsets: Topic 'go-knwon' does not exist; did you mean 'go-known'?");
        assertFailure(tools().onCluster(SCRIPT, "--topic", "go-nomatch.*"),
                "samsa-get-offsets: Could not match any topic-partitions with the specified filters");
        assertUsageError(tools().onCluster(SCRIPT, "--topic", "go-known", "--time", "lates"), "samsa-get-offsets: error: "
                + "--time must be latest, earliest, max-timestamp, earliest-local, latest-tiered or a timestamp in ms, not "
                + "'lates'; did you mean 'latest'?");
        assertUsageError(SamsaTools.run(SCRIPT, "--topic", "go-known"),
                "samsa-get-offsets: error: missing required option --bootstrap-server");
    }

    private List<String> offsets(String... args) {
        CommandResult r = tools().onCluster(SCRIPT, args).assertSuccess();
        assertEquals("", r.stderr(), r::describe);
        return r.stdoutLines();
    }
}
