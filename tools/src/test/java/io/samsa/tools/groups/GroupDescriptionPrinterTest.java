package io.samsa.tools.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.MemberAssignment;
import io.samsa.clients.admin.MemberDescription;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupDescriptionPrinterTest {

    private static final Node COORDINATOR = new Node(2, "broker2", 9092);
    private static final TopicPartition A0 = new TopicPartition("orders", 0);
    private static final TopicPartition A1 = new TopicPartition("orders", 1);
    private static final TopicPartition B0 = new TopicPartition("audit", 0);
    private static final MemberDescription BIG = new MemberDescription("c-2", "client-b", "/10.0.0.2",
            new MemberAssignment(Set.of(A1, B0)));
    private static final MemberDescription SMALL = new MemberDescription("c-1", Optional.of("static-1"), "client-a", "/10.0.0.1",
            new MemberAssignment(Set.of(A0)));
    private static final ConsumerGroupDescription GROUP = new ConsumerGroupDescription("app", false, List.of(SMALL, BIG),
            "range", ConsumerGroupState.STABLE, COORDINATOR);

    @Test
    void rowsAreMembersWithMostPartitionsFirstThenUnassignedCommittedPartitions() {
        TopicPartition old = new TopicPartition("old", 0);
        List<PartitionLag> rows = GroupOffsets.rows(GROUP, Map.of(A0, 5L, A1, 7L, old, 3L), Map.of(A0, 9L, A1, 7L, B0, 4L, old, 3L));
        assertEquals(List.of(
                new PartitionLag(B0, null, 4L, "c-2", "/10.0.0.2", "client-b"),
                new PartitionLag(A1, 7L, 7L, "c-2", "/10.0.0.2", "client-b"),
                new PartitionLag(A0, 5L, 9L, "c-1", "/10.0.0.1", "client-a"),
                new PartitionLag(old, 3L, 3L, null, null, null)), rows);
    }

    @Test
    void offsetsAreKafkasColumnsThenTheTotalLag() {
        GroupSnapshot g = new GroupSnapshot(GROUP, GroupOffsets.rows(GROUP, Map.of(A0, 5L, A1, 7L), Map.of(A0, 9L, A1, 10L, B0, 4L)));
        assertEquals("""

                GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID     HOST            CLIENT-ID
                app             audit           0          -               4               -               c-2             /10.0.0.2       client-b
                app             orders          1          7               10              3               c-2             /10.0.0.2       client-b
                app             orders          0          5               9               4               c-1             /10.0.0.1       client-a
                Total lag of group 'app': 7 (not counting 1 partition without a committed offset or log end offset)
                """, print(out -> GroupDescriptionPrinter.printOffsets(List.of(g), out)));
        assertEquals("Total lag of group 'app': 0", GroupDescriptionPrinter.totalLagLine(new GroupSnapshot(GROUP,
                List.of(new PartitionLag(A0, 9L, 9L, "c-1", "/10.0.0.1", "client-a")))));
        GroupSnapshot none = new GroupSnapshot(new ConsumerGroupDescription("idle", false, List.of(), "", ConsumerGroupState.EMPTY,
                COORDINATOR), List.of());
        assertEquals("", print(out -> GroupDescriptionPrinter.printOffsets(List.of(none), out)), "as Kafka: nothing to show");
    }

    @Test
    void membersShowInstanceIdsWhenAnyAndAssignmentsWithVerbose() {
        assertEquals("""

                GROUP           CONSUMER-ID     GROUP-INSTANCE-ID HOST            CLIENT-ID       #PARTITIONS     ASSIGNMENT
                app             c-1             static-1          /10.0.0.1       client-a        1               orders(0)
                app             c-2                               /10.0.0.2       client-b        2               audit(0), orders(1)
                """, print(out -> GroupDescriptionPrinter.printMembers(List.of(GROUP), true, out)));
        ConsumerGroupDescription dynamic = new ConsumerGroupDescription("app", false, List.of(BIG), "range",
                ConsumerGroupState.STABLE, COORDINATOR);
        assertEquals("""

                GROUP           CONSUMER-ID     HOST            CLIENT-ID       #PARTITIONS
                app             c-2             /10.0.0.2       client-b        2
                """, print(out -> GroupDescriptionPrinter.printMembers(List.of(dynamic), false, out)));
    }

    @Test
    void stateShowsTheCoordinatorStrategyStateAndMemberCount() {
        assertEquals("""

                GROUP                     COORDINATOR (ID)          ASSIGNMENT-STRATEGY  STATE           #MEMBERS
                app                       broker2:9092  (2)         range                Stable          2
                """, print(out -> GroupDescriptionPrinter.printStates(List.of(GROUP), out)));
        assertEquals(Optional.of("Consumer group 'idle' has no active members."), GroupDescriptionPrinter.stateNote(
                new ConsumerGroupDescription("idle", false, List.of(), "", ConsumerGroupState.EMPTY, COORDINATOR)));
        assertEquals(Optional.empty(), GroupDescriptionPrinter.stateNote(GROUP));
    }

    @Test
    void jsonHoldsEveryViewWithStableNames() throws Exception {
        GroupSnapshot g = new GroupSnapshot(GROUP, GroupOffsets.rows(GROUP, Map.of(A0, 5L), Map.of(A0, 9L, A1, 10L, B0, 4L)));
        JsonNode doc = Json.parse(print(out -> GroupDescriptionPrinter.printJson(List.of(g), out)));
        JsonNode group = doc.get("groups").get(0);
        assertEquals("app", group.get("group").asText());
        assertEquals("Stable", group.get("state").asText());
        assertEquals(2, group.get("coordinator").get("id").asInt());
        assertEquals("range", group.get("assignmentStrategy").asText());
        assertEquals("c-1", group.get("members").get(0).get("consumerId").asText());
        assertEquals("static-1", group.get("members").get(0).get("groupInstanceId").asText());
        assertTrue(group.get("members").get(1).get("groupInstanceId").isNull());
        assertEquals("audit", group.get("members").get(1).get("partitions").get(0).get("topic").asText());
        JsonNode last = group.get("partitions").get(2);
        assertEquals("orders", last.get("topic").asText());
        assertEquals(0, last.get("partition").asInt());
        assertEquals(5, last.get("currentOffset").asLong());
        assertEquals(9, last.get("logEndOffset").asLong());
        assertEquals(4, last.get("lag").asLong());
        assertEquals("c-1", last.get("consumerId").asText());
        assertTrue(group.get("partitions").get(0).get("currentOffset").isNull());
        assertTrue(group.get("partitions").get(0).get("lag").isNull());
        assertEquals(4, group.get("totalLag").asLong());
    }

    @Test
    void aResetPlanShowsTheOffsetsBeforeAndAfter() throws Exception {
        Map<String, List<PlannedOffset>> plans = new LinkedHashMap<>();
        plans.put("app", List.of(new PlannedOffset(A0, 5L, 0), new PlannedOffset(A1, null, 0)));
        assertEquals("""

                GROUP                          TOPIC                          PARTITION  CURRENT-OFFSET  NEW-OFFSET
                app                            orders                         0          5               0
                app                            orders                         1          -               0
                """, print(out -> ResetPlanPrinter.printText(plans, out)));
        JsonNode doc = Json.parse(print(out -> ResetPlanPrinter.printJson(plans, true, out)));
        assertTrue(doc.get("executed").asBoolean());
        JsonNode p = doc.get("groups").get(0).get("partitions").get(1);
        assertTrue(p.get("currentOffset").isNull());
        assertEquals(0, p.get("newOffset").asLong());
        assertEquals("", print(out -> ResetPlanPrinter.printText(Map.of("app", List.of()), out)));
    }

    private static String print(Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
