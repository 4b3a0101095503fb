package io.samsa.tools.groups;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's CSV of a {@code --reset-offsets} plan, as {@code --export} writes it and
 * {@code --from-file} reads it: one partition a line, {@code topic,partition,offset} when the
 * command named one {@code --group}, else {@code group,topic,partition,offset}; no header. A field
 * holding a comma or a quote is quoted, quotes doubled (RFC 4180). Stateless.
 */
final class ResetPlanCsv {

    private ResetPlanCsv() {
    }

    /** Writes the plans; {@code withGroup} selects the four-column form. */
    static void write(Map<String, List<PlannedOffset>> plans, boolean withGroup, PrintStream out) {
        plans.forEach((group, plan) -> plan.forEach(p -> {
            StringBuilder line = new StringBuilder();
            if (withGroup) {
                line.append(field(group)).append(',');
            }
            line.append(field(p.partition().topic())).append(',').append(p.partition().partition()).append(',')
                    .append(p.newOffset());
            out.println(line);
        }));
    }

    /**
     * Reads a plan: each group's partitions and offsets, in the file's order. Three columns are
     * read as {@code singleGroup}'s (they are only allowed when the command named one group).
     *
     * @param source      the file's name, for messages
     * @param singleGroup the one {@code --group}, or null
     * @throws ToolFailure naming the line that cannot be read
     */
    static Map<String, Map<TopicPartition, Long>> read(String text, String source, String singleGroup) {
        Map<String, Map<TopicPartition, Long>> plans = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String where = source + " line " + (i + 1);
            List<String> fields = fields(lines[i], where);
            String group;
            int at;
            if (fields.size() == 3 && singleGroup != null) {
                group = singleGroup;
                at = 0;
            } else if (fields.size() == 4) {
                group = fields.get(0);
                at = 1;
            } else {
                throw new ToolFailure(where + ": expected " + (singleGroup != null ? "topic,partition,offset or " : "")
                        + "group,topic,partition,offset, not '" + lines[i] + "'");
            }
            String topic = fields.get(at).trim();
            if (topic.isEmpty()) {
                throw new ToolFailure(where + ": no topic");
            }
            int partition = (int) number(fields.get(at + 1), "partition", where);
            long offset = number(fields.get(at + 2), "offset", where);
            plans.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(new TopicPartition(topic, partition), offset);
        }
        return plans;
    }

    private static long number(String text, String what, String where) {
        try {
            long n = what.equals("partition") ? Integer.parseInt(text.trim()) : Long.parseLong(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ToolFailure(where + ": '" + text.trim() + "' is not a" + (what.equals("offset") ? "n " : " ") + what);
    }

    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static List<String> fields(String line, String where) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ToolFailure(where + ": a quote is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
