package io.samsa.tools.groups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.tools.cli.Json;
import io.samsa.tools.cli.Table;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * Prints a {@code --reset-offsets} plan. As text, after a blank line, one table of every group's
 * partitions: Kafka's {@code GROUP TOPIC PARTITION NEW-OFFSET} with the offset before the reset
 * added, {@code GROUP TOPIC PARTITION CURRENT-OFFSET NEW-OFFSET} ({@code -} where the group had
 * none); nothing when the plan is empty. As JSON, {@code {"executed": b, "groups": [{"group": g,
 * "partitions": [{"topic", "partition", "currentOffset", "newOffset"}]}]}}. Stateless.
 */
final class ResetPlanPrinter {

    private ResetPlanPrinter() {
    }

    /** @param plans each group's plan, in the order to print */
    static void printText(Map<String, List<PlannedOffset>> plans, PrintStream out) {
        Table table = new Table("GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "NEW-OFFSET")
                .minWidth(0, 30).minWidth(1, 30).minWidth(2, 10).minWidth(3, 15);
        plans.forEach((group, plan) -> plan.forEach(p -> table.row(group, p.partition().topic(), p.partition().partition(),
                p.currentOffset(), p.newOffset())));
        if (!table.isEmpty()) {
            out.println();
            table.print(out);
        }
    }

    static void printJson(Map<String, List<PlannedOffset>> plans, boolean executed, PrintStream out) {
        ObjectNode doc = Json.object();
        doc.put("executed", executed);
        ArrayNode groups = doc.putArray("groups");
        plans.forEach((group, plan) -> {
            ObjectNode g = groups.addObject();
            g.put("group", group);
            ArrayNode partitions = g.putArray("partitions");
            for (PlannedOffset p : plan) {
                ObjectNode po = partitions.addObject();
                po.put("topic", p.partition().topic());
                po.put("partition", p.partition().partition());
                GroupDescriptionPrinter.putNullable(po, "currentOffset", p.currentOffset());
                po.put("newOffset", p.newOffset());
            }
        });
        Json.print(out, doc);
    }
}
