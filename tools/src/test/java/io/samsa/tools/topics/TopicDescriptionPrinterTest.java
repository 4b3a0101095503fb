package io.samsa.tools.topics;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.admin.ConfigEntry.ConfigSource;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.common.Uuid;
import io.samsa.tools.cli.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicDescriptionPrinterTest {

    private static final Uuid ID = new Uuid(1L, 2L);
    private static final Set<Integer> LIVE = Set.of(1, 2, 3);

    private static final TopicState ORDERS = new TopicState("orders", ID, false, List.of(
            new PartitionState(0, 1, List.of(1, 2, 3), List.of(1, 2, 3), null, 2),
            new PartitionState(1, 2, List.of(2, 3, 1), List.of(2, 3), null, 2),
            new PartitionState(2, null, List.of(3, 1, 2), List.of(3), null, 2)),
            List.of(entry("retention.ms", "1000", ConfigSource.DYNAMIC_TOPIC_CONFIG),
                    entry("cleanup.policy", "delete", ConfigSource.DEFAULT_CONFIG),
                    entry("min.insync.replicas", "2", ConfigSource.STATIC_BROKER_CONFIG)));
    private static final TopicState PLAIN = new TopicState("plain", Uuid.ZERO, false, List.of(
            new PartitionState(0, 4, List.of(4), List.of(4), null, 1)),
            List.of(entry("min.insync.replicas", "2", ConfigSource.STATIC_BROKER_CONFIG)));

    /** Kafka's lines, configs sorted by name whatever order the broker answered in. */
    @Test
    void textIsKafkasToTheCharacter() {
        assertEquals("Topic: orders\tTopicId: " + ID + "\tPartitionCount: 3\tReplicationFactor: 3\t"
                        + "Configs: min.insync.replicas=2,retention.ms=1000\n"
                        + "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3\tElr: N/A\tLastKnownElr: N/A\n"
                        + "\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,3,1\tIsr: 2,3\tElr: N/A\tLastKnownElr: N/A\n"
                        + "\tTopic: orders\tPartition: 2\tLeader: none\tReplicas: 3,1,2\tIsr: 3\tElr: N/A\tLastKnownElr: N/A\n"
                        + "Topic: plain\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: min.insync.replicas=2\n"
                        + "\tTopic: plain\tPartition: 0\tLeader: 4\tReplicas: 4\tIsr: 4\tElr: N/A\tLastKnownElr: N/A\n",
                text(Set.of(), false, ORDERS, PLAIN));
    }

    @Test
    void aMoveInProgressShowsItsReplicasAndTheTargetReplicationFactor() {
        PartitionState moving = new PartitionState(0, 1, List.of(1, 2, 3, 4), List.of(1, 2, 3),
                new PartitionReassignment(List.of(1, 2, 3, 4), List.of(4), List.of(3)), 1);
        assertEquals(3, moving.replicationFactor());
        assertEquals("\tTopic: t\tPartition: 0\tLeader: 1\tReplicas: 1,2,3,4\tIsr: 1,2,3\tAdding Replicas: 4\t"
                + "Removing Replicas: 3\tElr: N/A\tLastKnownElr: N/A", TopicDescriptionPrinter.partitionLine("t", moving));
    }

    @Test
    void partitionFiltersShowOnlyTheirPartitionsWithoutTopicLines() {
        assertEquals(partitionLines(1, 2), text(Set.of(PartitionFilter.UNDER_REPLICATED), false, ORDERS, PLAIN));
        assertEquals(partitionLines(2) + TopicDescriptionPrinter.partitionLine("plain", PLAIN.partitions().get(0)) + "\n",
                text(Set.of(PartitionFilter.UNAVAILABLE), false, ORDERS, PLAIN), "no leader, or one on a dead broker");
        assertEquals(partitionLines(2), text(Set.of(PartitionFilter.UNDER_MIN_ISR), false, ORDERS));
        assertEquals(partitionLines(1), text(Set.of(PartitionFilter.AT_MIN_ISR), false, ORDERS));
        assertEquals(partitionLines(1, 2), text(Set.of(PartitionFilter.AT_MIN_ISR, PartitionFilter.UNAVAILABLE), false, ORDERS));
    }

    @Test
    void aLeaderOnADeadBrokerIsUnavailable() {
        assertTrue(PLAIN.partitions().get(0).isUnavailable(LIVE));
    }

    @Test
    void topicsWithOverridesAreThoseThatOverrideAConfigThemselves() {
        assertEquals(TopicDescriptionPrinter.topicLine(ORDERS) + "\n", text(Set.of(), true, ORDERS, PLAIN),
                "plain's min.insync.replicas is the brokers', not its own");
    }

    @Test
    void jsonHoldsTheSameSelection() throws Exception {
        JsonNode doc = json(Set.of(), false, ORDERS, PLAIN);
        assertEquals(2, doc.get("topics").size());
        JsonNode orders = doc.get("topics").get(0);
        assertEquals("orders", orders.get("name").asText());
        assertEquals(ID.toString(), orders.get("topicId").asText());
        assertEquals(false, orders.get("internal").asBoolean());
        assertEquals(3, orders.get("partitionCount").asInt());
        assertEquals(3, orders.get("replicationFactor").asInt());
        assertEquals("2", orders.get("configs").get("min.insync.replicas").asText());
        assertEquals("1000", orders.get("configs").get("retention.ms").asText());
        assertEquals(2, orders.get("configs").size());
        JsonNode p2 = orders.get("partitions").get(2);
        assertTrue(p2.get("leader").isNull());
        assertEquals("[3,1,2]", p2.get("replicas").toString());
        assertEquals("[3]", p2.get("isr").toString());
        assertEquals("[]", p2.get("addingReplicas").toString());
        assertTrue(doc.get("topics").get(1).get("topicId").isNull());

        JsonNode filtered = json(Set.of(PartitionFilter.UNAVAILABLE), false, ORDERS, PLAIN);
        assertEquals(2, filtered.get("topics").size(), "each topic with a selected partition");
        assertEquals(1, filtered.get("topics").get(0).get("partitions").size());
        JsonNode overrides = json(Set.of(), true, ORDERS, PLAIN);
        assertEquals(1, overrides.get("topics").size());
        assertEquals(0, overrides.get("topics").get(0).get("partitions").size());
    }

    private static String partitionLines(int... partitions) {
        StringBuilder s = new StringBuilder();
        for (int p : partitions) {
            s.append(TopicDescriptionPrinter.partitionLine("orders", ORDERS.partitions().get(p))).append('\n');
        }
        return s.toString();
    }

    private static String text(Set<PartitionFilter> filters, boolean overrides, TopicState... topics) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TopicDescriptionPrinter(filters, overrides, LIVE).printText(List.of(topics),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(Set<PartitionFilter> filters, boolean overrides, TopicState... topics) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TopicDescriptionPrinter(filters, overrides, LIVE).printJson(List.of(topics),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return Json.parse(bytes.toString(StandardCharsets.UTF_8));
    }

    private static ConfigEntry entry(String name, String value, ConfigSource source) {
        return new ConfigEntry(name, value, source, false, false, List.of(), ConfigEntry.ConfigType.STRING, null);
    }
}
