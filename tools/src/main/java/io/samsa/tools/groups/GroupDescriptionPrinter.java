package io.samsa.tools.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.MemberDescription;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.Table;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Prints {@code --describe}'s result. As text, Kafka 3.9's three views, each group's table after a
 * blank line, columns as wide as Kafka's and left-aligned:
 * <ul>
 *   <li>offsets: {@code GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID}
 *       ({@code -} for what is not known or not assigned), then a line Kafka's tool lacks,
 *       {@code Total lag of group 'g': n}; a group without partitions prints nothing;
 *   <li>members: {@code GROUP CONSUMER-ID [GROUP-INSTANCE-ID] HOST CLIENT-ID #PARTITIONS}, and with
 *       {@code --verbose} {@code ASSIGNMENT} as {@code topic(0,1), other(2)} (Kafka 3.9 prints the
 *       partitions without their topic's name; its Scala predecessor printed them as here);
 *   <li>state: {@code GROUP COORDINATOR (ID) ASSIGNMENT-STRATEGY STATE #MEMBERS}, the coordinator as
 *       {@code host:port  (id)}.
 * </ul>
 * As JSON, one document {@code {"groups": [...]}} holding every view whichever was asked: each group
 * with {@code group}, {@code state}, {@code coordinator} ({@code id}, {@code host}, {@code port}),
 * {@code assignmentStrategy}, {@code members} ({@code consumerId}, {@code groupInstanceId},
 * {@code clientId}, {@code host}, {@code partitions} of {@code topic} and {@code partition}),
 * {@code partitions} ({@code topic}, {@code partition}, {@code currentOffset}, {@code logEndOffset},
 * {@code lag}, {@code consumerId}, {@code host}, {@code clientId}) and {@code totalLag}; unknown
 * values are null. Stateless.
 */
final class GroupDescriptionPrinter {

    private GroupDescriptionPrinter() {
    }

    /**
     * What Kafka's tool says on standard error about a group's state before describing it: that
     * it has no active members, or is rebalancing; empty for a stable group.
     */
    static Optional<String> stateNote(ConsumerGroupDescription group) {
        return switch (group.state()) {
            case EMPTY -> Optional.of("Consumer group '" + group.groupId() + "' has no active members.");
            case PREPARING_REBALANCE, COMPLETING_REBALANCE, ASSIGNING, RECONCILING ->
                    Optional.of("Warning: Consumer group '" + group.groupId() + "' is rebalancing.");
            default -> Optional.empty();
        };
    }

    static void printOffsets(List<GroupSnapshot> groups, PrintStream out) {
        for (GroupSnapshot g : groups) {
            if (g.partitions().isEmpty()) {
                continue;
            }
            Table table = new Table("GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG",
                    "CONSUMER-ID", "HOST", "CLIENT-ID")
                    .minWidth(0, 15).minWidth(1, 15).minWidth(2, 10).minWidth(3, 15).minWidth(4, 15).minWidth(5, 15)
                    .minWidth(6, 15).minWidth(7, 15);
            for (PartitionLag p : g.partitions()) {
                table.row(g.groupId(), p.partition().topic(), p.partition().partition(), p.currentOffset(),
                        p.logEndOffset(), p.lag(), p.consumerId(), p.host(), p.clientId());
            }
            out.println();
            table.print(out);
            out.println(totalLagLine(g));
        }
    }

    static String totalLagLine(GroupSnapshot g) {
        long unknown = g.partitionsWithoutLag();
        return "Total lag of group '" + g.groupId() + "': " + g.totalLag()
                + (unknown == 0 ? "" : " (not counting " + unknown + (unknown == 1 ? " partition" : " partitions")
                + " without a committed offset or log end offset)");
    }

    static void printMembers(List<ConsumerGroupDescription> groups, boolean withAssignment, PrintStream out) {
        for (ConsumerGroupDescription g : groups) {
            // Kafka's tool adds the column only when some member is static.
            boolean instanceIds = g.members().stream().anyMatch(m -> m.groupInstanceId().isPresent());
            List<String> headers = new ArrayList<>(List.of("GROUP", "CONSUMER-ID"));
            List<Integer> widths = new ArrayList<>(List.of(15, 15));
            if (instanceIds) {
                headers.add("GROUP-INSTANCE-ID");
                widths.add(17);
            }
            headers.addAll(List.of("HOST", "CLIENT-ID", "#PARTITIONS"));
            widths.addAll(List.of(15, 15, 15));
            if (withAssignment) {
                headers.add("ASSIGNMENT");
            }
            Table table = new Table(headers.toArray(String[]::new));
            for (int c = 0; c < widths.size(); c++) {
                table.minWidth(c, widths.get(c));
            }
            for (MemberDescription m : members(g)) {
                List<Object> cells = new ArrayList<>(List.of(g.groupId(), m.consumerId()));
                if (instanceIds) {
                    cells.add(m.groupInstanceId().orElse(""));
                }
                cells.addAll(List.of(m.host(), m.clientId(), m.assignment().topicPartitions().size()));
                if (withAssignment) {
                    cells.add(assignment(m));
                }
                table.row(cells.toArray());
            }
            out.println();
            table.print(out);
        }
    }

    /** {@code topic(0,1), other(2)}, topics and partitions in order; {@code -} for none. */
    static String assignment(MemberDescription m) {
        if (m.assignment().topicPartitions().isEmpty()) {
            return "-";
        }
        Map<String, TreeSet<Integer>> byTopic = new TreeMap<>();
        m.assignment().topicPartitions().forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new TreeSet<>()).add(p.partition()));
        return byTopic.entrySet().stream()
                .map(e -> e.getKey() + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")")))
                .collect(Collectors.joining(", "));
    }

    static void printStates(List<ConsumerGroupDescription> groups, PrintStream out) {
        for (ConsumerGroupDescription g : groups) {
            Table table = new Table("GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS")
                    .minWidth(0, 25).minWidth(1, 25).minWidth(2, 20).minWidth(3, 15);
            Node c = g.coordinator();
            table.row(g.groupId(), c == null ? null : c.host() + ":" + c.port() + "  (" + c.id() + ")",
                    g.partitionAssignor().isEmpty() ? null : g.partitionAssignor(), g.state(), g.members().size());
            out.println();
            table.print(out);
        }
    }

    static void printJson(List<GroupSnapshot> groups, PrintStream out) {
        ObjectNode doc = Json.object();
        ArrayNode array = doc.putArray("groups");
        for (GroupSnapshot g : groups) {
            ConsumerGroupDescription d = g.description();
            ObjectNode o = array.addObject();
            o.put("group", d.groupId());
            o.put("state", (d.state() == null ? ConsumerGroupState.UNKNOWN : d.state()).toString());
            Node c = d.coordinator();
            if (c == null) {
                o.putNull("coordinator");
            } else {
                ObjectNode co = o.putObject("coordinator");
                co.put("id", c.id());
                co.put("host", c.host());
                co.put("port", c.port());
            }
            putNullable(o, "assignmentStrategy", d.partitionAssignor().isEmpty() ? null : d.partitionAssignor());
            ArrayNode members = o.putArray("members");
            for (MemberDescription m : members(d)) {
                ObjectNode mo = members.addObject();
                mo.put("consumerId", m.consumerId());
                putNullable(mo, "groupInstanceId", m.groupInstanceId().orElse(null));
                mo.put("clientId", m.clientId());
                mo.put("host", m.host());
                ArrayNode parts = mo.putArray("partitions");
                for (TopicPartition p : new TreeSet<>(m.assignment().topicPartitions())) {
                    parts.addObject().put("topic", p.topic()).put("partition", p.partition());
                }
            }
            ArrayNode partitions = o.putArray("partitions");
            for (PartitionLag p : g.partitions()) {
                ObjectNode po = partitions.addObject();
                po.put("topic", p.partition().topic());
                po.put("partition", p.partition().partition());
                putNullable(po, "currentOffset", p.currentOffset());
                putNullable(po, "logEndOffset", p.logEndOffset());
                putNullable(po, "lag", p.lag());
                putNullable(po, "consumerId", p.consumerId());
                putNullable(po, "host", p.host());
                putNullable(po, "clientId", p.clientId());
            }
            o.put("totalLag", g.totalLag());
        }
        Json.print(out, doc);
    }

    /** The members, sorted by consumer id, so the output is the same whichever coordinator answers. */
    private static List<MemberDescription> members(ConsumerGroupDescription g) {
        return g.members().stream().sorted(Comparator.comparing(MemberDescription::consumerId)).toList();
    }

    static void putNullable(ObjectNode o, String field, String value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    static void putNullable(ObjectNode o, String field, Long value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
