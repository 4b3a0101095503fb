package io.samsa.systest.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samsa.systest.harness.BrokerUnderTest;
import io.samsa.systest.harness.CommandResult;
import io.samsa.testkit.Wait;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.samsa.systest.tools.SamsaTools.assertFailure;
import static io.samsa.systest.tools.SamsaTools.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/samsa-cluster.sh} against a live deployment: brokers, controller and counts as text
 * and JSON, bad input, and, last in the suite, a killed broker whose partitions it must list as
 * offline or under-replicated (with {@code samsa-topics.sh}'s partition filters agreeing).
 */
interface ClusterToolTests {

    String SCRIPT = "samsa-cluster.sh";
    Duration WAIT = Duration.ofSeconds(60);
    ObjectMapper JSON = new ObjectMapper();
    Pattern CONTROLLER = Pattern.compile("Controller: (\\d+)");

    SamsaTools tools();

    @Test
    default void showsTheBrokersTheControllerAndAHealthyCount() {
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "ct-healthy", "--partitions", "4").assertSuccess();
        BrokerUnderTest broker = tools().broker();
        List<String> lines = awaitHealthy();
        assertTrue(lines.get(0).startsWith("Cluster ID: ") && lines.get(0).length() > "Cluster ID: ".length(), lines.get(0));
        Matcher controller = CONTROLLER.matcher(lines.get(1));
        assertTrue(controller.matches(), lines.get(1));
        int controllerId = Integer.parseInt(controller.group(1));
        assertTrue(broker.brokerIds().contains(controllerId), lines.get(1));
        assertEquals("Brokers: 3", lines.get(2));
        assertTrue(lines.get(3).matches("Topics: \\d+"), lines.get(3));
        assertTrue(Integer.parseInt(lines.get(4).substring("Partitions: ".length())) >= 4, lines.get(4));
        assertEquals("", lines.get(7));
        assertEquals(List.of("ID", "HOST", "PORT", "RACK", "ROLE"), List.of(lines.get(8).split(" +")));
        for (int i = 0; i < 3; i++) {
            int id = broker.brokerIds().get(i);
            List<String> cells = List.of(lines.get(9 + i).split(" +"));
            assertEquals(List.of(Integer.toString(id), broker.host(), Integer.toString(broker.port(id)), "-",
                    id == controllerId ? "controller" : "-"), cells, lines.get(9 + i));
        }
        assertEquals(12, lines.size(), "no problem tables: " + lines);
    }

    @Test
    default void printsOneJsonDocument() throws Exception {
        awaitHealthy();
        CommandResult r = tools().onCluster(SCRIPT, "--output", "json").assertSuccess();
        JsonNode doc = JSON.readTree(r.stdout());
        BrokerUnderTest broker = tools().broker();
        assertTrue(doc.get("clusterId").isTextual(), r.stdout());
        assertTrue(broker.brokerIds().contains(doc.get("controller").asInt()), r.stdout());
        assertEquals(3, doc.get("brokers").size());
        for (int i = 0; i < 3; i++) {
            JsonNode b = doc.get("brokers").get(i);
            int id = broker.brokerIds().get(i);
            assertEquals(id, b.get("id").asInt());
            assertEquals(broker.host(), b.get("host").asText());
            assertEquals(broker.port(id), b.get("port").asInt());
            assertTrue(b.get("rack").isNull());
        }
        assertTrue(doc.get("topicCount").asInt() >= 0);
        assertTrue(doc.get("partitionCount").asInt() >= doc.get("topicCount").asInt());
        assertEquals(0, doc.get("underReplicatedPartitions").size());
        assertEquals(0, doc.get("offlinePartitions").size());
    }

    @Test
    default void badInputIsOneLineOrTheUsage() {
        String dead = SamsaTools.deadAddress();
        long start = System.nanoTime();
        CommandResult r = SamsaTools.run(SCRIPT, "--bootstrap-server", dead, "--timeout", "2000");
        assertFailure(r, "samsa-cluster: cannot reach the cluster at " + dead + " within 2000 ms: " + dead
                + " refused the connection");
        assertTrue(System.nanoTime() - start < 8_000_000_000L, "failed fast");
        assertUsageError(SamsaTools.run(SCRIPT), "samsa-cluster: error: missing required option --bootstrap-server");
        assertUsageError(tools().onCluster(SCRIPT, "--output", "jsn"),
                "samsa-cluster: error: --output must be table or json, not 'jsn'; did you mean 'json'?");
        assertUsageError(tools().onCluster(SCRIPT, "--verbsoe"), "samsa-cluster: error: unknown option --verbsoe; did you mean --verbose?");
        Path missing = Path.of("no-such-dir", "admin.properties");
        assertFailure(tools().onCluster(SCRIPT, "--command-config", missing.toString()),
                "samsa-cluster: --command-config " + missing + ": no such file");
        CommandResult verbose = tools().onCluster(SCRIPT, "--command-config", missing.toString(), "--verbose");
        assertEquals(1, verbose.exitCode(), verbose::describe);
        assertTrue(verbose.stderr().contains("\tat "), "--verbose adds the stack trace: " + verbose.describe());
        CommandResult help = SamsaTools.run(SCRIPT, "--help");
        assertEquals(0, help.exitCode(), help::describe);
        assertTrue(help.stdout().startsWith("samsa-cluster: the cluster at a glance"), help::describe);
    }

    /**
     * Kills a broker: a partition only it held goes offline, partitions it replicated go
     * under-replicated, and both tools say so. Last, since the cluster stays broken.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    default void aLostBrokerLeavesOfflineAndUnderReplicatedPartitions() throws Exception {
        BrokerUnderTest broker = tools().broker();
        int victim = broker.brokerIds().get(2);
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "ct-alone", "--replica-assignment",
                Integer.toString(victim)).assertSuccess();
        tools().onCluster("samsa-topics.sh", "--create", "--topic", "ct-shared", "--partitions", "3",
                "--replication-factor", "3").assertSuccess();
        awaitHealthy();
        broker.kill9(victim);

        List<JsonNode> seen = new ArrayList<>();
        Wait.until("the lost broker's partitions reported", WAIT, () -> {
            CommandResult r = tools().onCluster(SCRIPT, "--output", "json");
            if (r.exitCode() != 0) {
                return false;
            }
            try {
                JsonNode doc = JSON.readTree(r.stdout());
                seen.clear();
                seen.add(doc);
                return doc.get("brokers").size() == 2 && has(doc.get("offlinePartitions"), "ct-alone", 0)
                        && has(doc.get("underReplicatedPartitions"), "ct-shared", 0)
                        && has(doc.get("underReplicatedPartitions"), "ct-shared", 1)
                        && has(doc.get("underReplicatedPartitions"), "ct-shared", 2);
            } catch (Exception e) {
                return false;
            }
        });
        JsonNode alone = find(seen.get(0).get("offlinePartitions"), "ct-alone", 0);
        assertEquals("[" + victim + "]", alone.get("replicas").toString());

        List<String> text = tools().onCluster(SCRIPT).assertSuccess().stdoutLines();
        assertEquals("Brokers: 2", text.get(2));
        int offlineAt = text.indexOf("Offline partitions:");
        assertTrue(offlineAt > 0, text::toString);
        assertTrue(text.subList(offlineAt, text.size()).stream().anyMatch(l -> l.matches("ct-alone +0 +\\S+ +" + victim + " .*")),
                text::toString);
        assertTrue(text.indexOf("Under-replicated partitions:") > 0, text::toString);

        List<String> unavailable = tools().onCluster("samsa-topics.sh", "--describe", "--topic", "ct-.*",
                "--unavailable-partitions").assertSuccess().stdoutLines();
        assertEquals(1, unavailable.size(), unavailable::toString);
        assertTrue(unavailable.get(0).startsWith("\tTopic: ct-alone\tPartition: 0\t"), unavailable.get(0));
        List<String> under = tools().onCluster("samsa-topics.sh", "--describe", "--topic", "ct-shared",
                "--under-replicated-partitions").assertSuccess().stdoutLines();
        assertEquals(3, under.size(), under::toString);
    }

    // --- helpers

    /** The text output once nothing is under-replicated or offline (new topics' followers take a moment). */
    private List<String> awaitHealthy() {
        List<List<String>> result = new ArrayList<>();
        Wait.until("a healthy cluster", WAIT, () -> {
            List<String> lines = tools().onCluster(SCRIPT).assertSuccess().stdoutLines();
            result.clear();
            result.add(lines);
            return lines.contains("Under-replicated partitions: 0") && lines.contains("Offline partitions: 0")
                    && lines.contains("Brokers: 3");
        });
        return result.get(0);
    }

    private static boolean has(JsonNode partitions, String topic, int partition) {
        return find(partitions, topic, partition) != null;
    }

    private static JsonNode find(JsonNode partitions, String topic, int partition) {
        for (JsonNode p : partitions) {
            if (p.get("topic").asText().equals(topic) && p.get("partition").asInt() == partition) {
                return p;
            }
        }
        return null;
    }
}
