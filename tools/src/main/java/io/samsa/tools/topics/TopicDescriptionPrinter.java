package io.samsa.tools.topics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.common.Uuid;
import io.samsa.tools.cli.Json;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints {@code --describe}'s result. As text, as Kafka 3.9's {@code kafka-topics} does: per
 * topic a line {@code Topic: t\tTopicId: id\tPartitionCount: n\tReplicationFactor: r\tConfigs: k=v,...}
 * (no TopicId when the cluster has none), then per partition
 * {@code \tTopic: t\tPartition: p\tLeader: l\tReplicas: a,b\tIsr: a,b\tElr: N/A\tLastKnownElr: N/A}
 * ({@code Leader: none} without one; {@code Adding Replicas} and {@code Removing Replicas} after
 * the ISR while a move is under way; ZooKeeper-mode clusters have no ELR). A partition filter
 * hides the topic lines and shows only the partitions it selects; {@code --topics-with-overrides}
 * shows only topic lines. Configs are sorted by name (see {@link TopicState#nonDefaultConfigs()}). As JSON, one document {@code {"topics": [...]}} holding the same
 * selection: each topic with {@code name}, {@code topicId} (null when none), {@code internal},
 * {@code partitionCount}, {@code replicationFactor}, {@code configs} (the non-default values, as
 * {@code Configs:}) and {@code partitions}, each with {@code partition}, {@code leader} (null when
 * none), {@code replicas}, {@code isr}, {@code addingReplicas} and {@code removingReplicas}.
 * Immutable.
 */
final class TopicDescriptionPrinter {

    private final Set<PartitionFilter> filters;
    private final boolean topicsWithOverrides;
    private final Set<Integer> liveBrokers;

    TopicDescriptionPrinter(Set<PartitionFilter> filters, boolean topicsWithOverrides, Set<Integer> liveBrokers) {
        this.filters = Set.copyOf(filters);
        this.topicsWithOverrides = topicsWithOverrides;
        this.liveBrokers = Set.copyOf(liveBrokers);
    }

    void printText(List<TopicState> topics, PrintStream out) {
        for (TopicState t : topics) {
            if (showsTopic(t)) {
                out.println(topicLine(t));
            }
            for (PartitionState p : shownPartitions(t)) {
                out.println(partitionLine(t.name(), p));
            }
        }
    }

    void printJson(List<TopicState> topics, PrintStream out) {
        ObjectNode doc = Json.object();
        ArrayNode array = doc.putArray("topics");
        for (TopicState t : topics) {
            List<PartitionState> partitions = shownPartitions(t);
            if (showsTopic(t) || !partitions.isEmpty()) {
                array.add(topicJson(t, partitions));
            }
        }
        Json.print(out, doc);
    }

    /** Whether the topic's own line shows: not under a partition filter, and with overrides if those were asked for. */
    boolean showsTopic(TopicState t) {
        return filters.isEmpty() && (!topicsWithOverrides || t.hasTopicOverrides());
    }

    /** The partitions that show: none under --topics-with-overrides, else those the filters select (all without one). */
    List<PartitionState> shownPartitions(TopicState t) {
        if (topicsWithOverrides) {
            return List.of();
        }
        return t.partitions().stream()
                .filter(p -> filters.isEmpty() || filters.stream().anyMatch(f -> f.selects(p, liveBrokers))).toList();
    }

    static String topicLine(TopicState t) {
        StringBuilder line = new StringBuilder("Topic: ").append(t.name());
        if (!t.topicId().equals(Uuid.ZERO)) {
            line.append("\tTopicId: ").append(t.topicId());
        }
        line.append("\tPartitionCount: ").append(t.partitions().size());
        line.append("\tReplicationFactor: ").append(t.replicationFactor());
        line.append("\tConfigs: ").append(t.nonDefaultConfigs().stream().map(e -> e.name() + "=" + e.value())
                .collect(Collectors.joining(",")));
        return line.toString();
    }

    static String partitionLine(String topic, PartitionState p) {
        StringBuilder line = new StringBuilder();
        line.append("\tTopic: ").append(topic);
        line.append("\tPartition: ").append(p.partition());
        line.append("\tLeader: ").append(p.hasLeader() ? p.leader().toString() : "none");
        line.append("\tReplicas: ").append(joined(p.replicas()));
        line.append("\tIsr: ").append(joined(p.isr()));
        if (p.reassignment() != null) {
            line.append("\tAdding Replicas: ").append(joined(p.addingReplicas()));
            line.append("\tRemoving Replicas: ").append(joined(p.removingReplicas()));
        }
        line.append("\tElr: N/A\tLastKnownElr: N/A");
        return line.toString();
    }

    private static ObjectNode topicJson(TopicState t, List<PartitionState> partitions) {
        ObjectNode o = Json.object();
        o.put("name", t.name());
        if (t.topicId().equals(Uuid.ZERO)) {
            o.putNull("topicId");
        } else {
            o.put("topicId", t.topicId().toString());
        }
        o.put("internal", t.internal());
        o.put("partitionCount", t.partitions().size());
        o.put("replicationFactor", t.replicationFactor());
        ObjectNode configs = o.putObject("configs");
        for (ConfigEntry e : t.nonDefaultConfigs()) {
            configs.put(e.name(), e.value());
        }
        ArrayNode array = o.putArray("partitions");
        for (PartitionState p : partitions) {
            ObjectNode po = array.addObject();
            po.put("partition", p.partition());
            if (p.hasLeader()) {
                po.put("leader", p.leader());
            } else {
                po.putNull("leader");
            }
            po.set("replicas", Json.numbers(p.replicas()));
            po.set("isr", Json.numbers(p.isr()));
            po.set("addingReplicas", Json.numbers(p.addingReplicas()));
            po.set("removingReplicas", Json.numbers(p.removingReplicas()));
        }
        return o;
    }

    private static String joined(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
