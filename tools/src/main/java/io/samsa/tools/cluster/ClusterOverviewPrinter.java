package io.samsa.tools.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.common.Node;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.Table;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a {@link ClusterOverview}. As text: {@code Key: value} lines (cluster id, controller,
 * counts), the brokers' table ({@code ID HOST PORT RACK}, the controller marked), then a table of
 * the under-replicated and one of the offline partitions ({@code TOPIC PARTITION LEADER REPLICAS
 * ISR}), each only when there are any. As JSON, one document: {@code clusterId},
 * {@code controller} (an id, or null), {@code brokers} ({@code id}, {@code host}, {@code port},
 * {@code rack}), {@code topicCount}, {@code partitionCount}, {@code underReplicatedPartitions} and
 * {@code offlinePartitions} ({@code topic}, {@code partition}, {@code leader}, {@code replicas},
 * {@code isr}). Stateless.
 */
final class ClusterOverviewPrinter {

    private ClusterOverviewPrinter() {
    }

    static void printText(ClusterOverview o, PrintStream out) {
        Node controller = o.cluster().controller();
        out.println("Cluster ID: " + (o.cluster().clusterId() == null ? "none" : o.cluster().clusterId()));
        out.println("Controller: " + (controller == null ? "none" : controller.id()));
        out.println("Brokers: " + o.cluster().brokers().size());
        out.println("Topics: " + o.topicCount());
        out.println("Partitions: " + o.partitionCount());
        out.println("Under-replicated partitions: " + o.underReplicated().size());
        out.println("Offline partitions: " + o.offline().size());
        out.println();
        Table brokers = new Table("ID", "HOST", "PORT", "RACK", "ROLE");
        for (Node b : o.cluster().brokers()) {
            brokers.row(b.id(), b.host(), b.port(), b.rack(), controller != null && controller.id() == b.id() ? "controller" : null);
        }
        brokers.print(out);
        printProblems("Under-replicated partitions:", o.underReplicated(), out);
        printProblems("Offline partitions:", o.offline(), out);
    }

    static void printJson(ClusterOverview o, PrintStream out) {
        ObjectNode doc = Json.object();
        doc.put("clusterId", o.cluster().clusterId());
        Node controller = o.cluster().controller();
        if (controller == null) {
            doc.putNull("controller");
        } else {
            doc.put("controller", controller.id());
        }
        ArrayNode brokers = doc.putArray("brokers");
        for (Node b : o.cluster().brokers()) {
            ObjectNode n = brokers.addObject();
            n.put("id", b.id());
            n.put("host", b.host());
            n.put("port", b.port());
            n.put("rack", b.rack());
        }
        doc.put("topicCount", o.topicCount());
        doc.put("partitionCount", o.partitionCount());
        doc.set("underReplicatedPartitions", problemsJson(o.underReplicated()));
        doc.set("offlinePartitions", problemsJson(o.offline()));
        Json.print(out, doc);
    }

    private static void printProblems(String title, List<PartitionProblem> problems, PrintStream out) {
        if (problems.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        Table t = new Table("TOPIC", "PARTITION", "LEADER", "REPLICAS", "ISR");
        for (PartitionProblem p : problems) {
            t.row(p.topic(), p.partition(), p.leader() == null ? "none" : p.leader(), joined(p.replicas()), joined(p.isr()));
        }
        t.print(out);
    }

    private static ArrayNode problemsJson(List<PartitionProblem> problems) {
        ArrayNode a = Json.array();
        for (PartitionProblem p : problems) {
            ObjectNode n = a.addObject();
            n.put("topic", p.topic());
            n.put("partition", p.partition());
            if (p.leader() == null) {
                n.putNull("leader");
            } else {
                n.put("leader", p.leader());
            }
            n.set("replicas", Json.numbers(p.replicas()));
            n.set("isr", Json.numbers(p.isr()));
        }
        return a;
    }

    /** Comma-separated ids, or null (printed as {@code -}) for none. */
    private static String joined(List<Integer> ids) {
        return ids.isEmpty() ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
