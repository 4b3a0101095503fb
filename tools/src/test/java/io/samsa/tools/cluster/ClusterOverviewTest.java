package io.samsa.tools.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.Node;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.tools.cli.ClusterInfo;
import io.samsa.tools.cli.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterOverviewTest {

    private static final Node B1 = new Node(1, "h1", 9091, "r1");
    private static final Node B2 = new Node(2, "h2", 9092);
    /** A broker the partitions name that is not among the live ones. */
    private static final Node GONE = new Node(3, "h3", 9093);
    private static final ClusterInfo CLUSTER = new ClusterInfo("cid", B2, List.of(B2, B1));

    private static final List<TopicDescription> TOPICS = List.of(
            new TopicDescription("a", false, List.of(
                    new TopicPartitionInfo(0, B1, List.of(B1, B2), List.of(B1, B2)),
                    new TopicPartitionInfo(1, B2, List.of(B2, GONE), List.of(B2)))),
            new TopicDescription("b", false, List.of(
                    new TopicPartitionInfo(0, null, List.of(GONE), List.of()),
                    new TopicPartitionInfo(1, GONE, List.of(GONE, B1), List.of(GONE)))));

    @Test
    void sortsPartitionsIntoOfflineAndUnderReplicated() {
        ClusterOverview o = ClusterOverview.of(CLUSTER, TOPICS);
        assertEquals(2, o.topicCount());
        assertEquals(4, o.partitionCount());
        assertEquals(List.of(new PartitionProblem("a", 1, 2, List.of(2, 3), List.of(2))), o.underReplicated());
        assertEquals(List.of(new PartitionProblem("b", 0, null, List.of(3), List.of()),
                new PartitionProblem("b", 1, 3, List.of(3, 1), List.of(3))), o.offline(),
                "no leader, or a leader that is not live; listed as offline only");
    }

    @Test
    void textShowsTheCountsTheBrokersAndTheTroubledPartitions() {
        assertEquals("""
                Cluster ID: cid
                Controller: 2
                Brokers: 2
                Topics: 2
                Partitions: 4
                Under-replicated partitions: 1
                Offline partitions: 2

                ID HOST PORT RACK ROLE
                1  h1   9091 r1   -
                2  h2   9092 -    controller

                Under-replicated partitions:
                TOPIC PARTITION LEADER REPLICAS ISR
                a     1         2      2,3      2

                Offline partitions:
                TOPIC PARTITION LEADER REPLICAS ISR
                b     0         none   3        -
                b     1         3      3,1      3
                """, print(ClusterOverviewPrinter::printText));
    }

    @Test
    void aHealthyClusterHasNoProblemTables() {
        String text = print(ClusterOverviewPrinter::printText, ClusterOverview.of(CLUSTER, TOPICS.subList(0, 0)));
        assertTrue(text.endsWith("controller\n"), text);
    }

    @Test
    void jsonHasStableFields() throws Exception {
        JsonNode doc = Json.parse(print(ClusterOverviewPrinter::printJson));
        assertEquals("cid", doc.get("clusterId").asText());
        assertEquals(2, doc.get("controller").asInt());
        assertEquals(2, doc.get("brokers").size());
        assertEquals("r1", doc.get("brokers").get(0).get("rack").asText());
        assertTrue(doc.get("brokers").get(1).get("rack").isNull());
        assertEquals(9092, doc.get("brokers").get(1).get("port").asInt());
        assertEquals(2, doc.get("topicCount").asInt());
        assertEquals(4, doc.get("partitionCount").asInt());
        assertEquals("a", doc.get("underReplicatedPartitions").get(0).get("topic").asText());
        assertEquals("[2,3]", doc.get("underReplicatedPartitions").get(0).get("replicas").toString());
        assertTrue(doc.get("offlinePartitions").get(0).get("leader").isNull());
        assertEquals("[]", doc.get("offlinePartitions").get(0).get("isr").toString());
    }

    private static String print(BiConsumer<ClusterOverview, PrintStream> printer) {
        return print(printer, ClusterOverview.of(CLUSTER, TOPICS));
    }

    private static String print(BiConsumer<ClusterOverview, PrintStream> printer, ClusterOverview overview) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(overview, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
