package io.samsa.tools.reassign;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka's two JSON documents for partition reassignment, read and written exactly as Kafka's tool
 * does: the topics to move ({@code {"version":1,"topics":[{"topic":"foo"}]}}) and a reassignment
 * ({@code {"version":1,"partitions":[{"topic":"foo","partition":1,"replicas":[1,2,3],
 * "log_dirs":["any","any","any"]}]}}, {@code log_dirs} optional). Whatever is wrong with a file is
 * one line naming the file and the place: JSON that does not parse (with its line and column), a
 * field missing or of the wrong type, an unsupported version, and Kafka's checks of a
 * reassignment (not empty, no partition twice, no replica twice, no empty replica list). Stateless.
 */
final class ReassignmentJson {

    static final String ANY_LOG_DIR = "any";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One partition's target: its replicas, preferred leader first, and each replica's log dir. */
    record Target(TopicPartition partition, List<Integer> replicas, List<String> logDirs) {

        /** Whether a replica names a log directory rather than {@code any}. */
        boolean movesLogDirs() {
            return logDirs.stream().anyMatch(d -> !d.equals(ANY_LOG_DIR));
        }
    }

    private ReassignmentJson() {
    }

    /** The topics of a {@code --topics-to-move-json-file}, in file order. */
    static List<String> readTopics(Path file, String option) {
        JsonNode root = parse(file, option);
        String where = option + " " + file;
        checkVersion(root, where);
        JsonNode topics = root.get("topics");
        if (topics == null || !topics.isArray()) {
            throw new ToolFailure(where + ": no \"topics\" array");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (int i = 0; i < topics.size(); i++) {
            JsonNode t = topics.get(i).get("topic");
            if (t == null || !t.isTextual() || t.asText().isBlank()) {
                throw new ToolFailure(where + ": topics[" + i + "] has no \"topic\" name");
            }
            if (!seen.add(t.asText())) {
                duplicates.add(t.asText());
            }
            names.add(t.asText());
        }
        if (names.isEmpty()) {
            throw new ToolFailure(where + ": the list of topics to move is empty");
        }
        if (!duplicates.isEmpty()) {
            throw new ToolFailure(where + ": the list of topics to move names " + String.join(", ", duplicates) + " twice");
        }
        return names;
    }

    /** The partitions of a {@code --reassignment-json-file}, checked as Kafka checks them, in file order. */
    static List<Target> readReassignment(Path file, String option) {
        JsonNode root = parse(file, option);
        String where = option + " " + file;
        checkVersion(root, where);
        JsonNode partitions = root.get("partitions");
        if (partitions == null || !partitions.isArray()) {
            throw new ToolFailure(where + ": no \"partitions\" array");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < partitions.size(); i++) {
            targets.add(target(partitions.get(i), where + ": partitions[" + i + "]"));
        }
        if (targets.isEmpty()) {
            throw new ToolFailure(where + ": the partition reassignment list is empty");
        }
        Set<TopicPartition> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        for (Target t : targets) {
            if (!seen.add(t.partition())) {
                twice.add(t.partition().toString());
            }
            if (new HashSet<>(t.replicas()).size() != t.replicas().size()) {
                throw new ToolFailure(where + ": the replicas of " + t.partition() + " name a broker twice: " + t.replicas());
            }
        }
        if (!twice.isEmpty()) {
            throw new ToolFailure(where + ": the reassignment names " + String.join(", ", twice) + " twice");
        }
        return targets;
    }

    private static Target target(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new ToolFailure(where + " is not an object");
        }
        JsonNode topic = node.get("topic");
        if (topic == null || !topic.isTextual() || topic.asText().isBlank()) {
            throw new ToolFailure(where + " has no \"topic\" name");
        }
        JsonNode partition = node.get("partition");
        if (partition == null || !partition.canConvertToInt() || !partition.isIntegralNumber() || partition.asInt() < 0) {
            throw new ToolFailure(where + " (" + topic.asText() + ") has no \"partition\" number");
        }
        TopicPartition tp = new TopicPartition(topic.asText(), partition.asInt());
        JsonNode replicas = node.get("replicas");
        if (replicas == null || !replicas.isArray()) {
            throw new ToolFailure(where + " (" + tp + ") has no \"replicas\" list");
        }
        List<Integer> ids = new ArrayList<>();
        for (JsonNode r : replicas) {
            if (!r.isIntegralNumber() || !r.canConvertToInt() || r.asInt() < 0) {
                throw new ToolFailure(where + " (" + tp + ") has a replica that is not a broker id: " + r);
            }
            ids.add(r.asInt());
        }
        if (ids.isEmpty()) {
            throw new ToolFailure(where + " (" + tp + ") has an empty replica list");
        }
        List<String> dirs = new ArrayList<>();
        JsonNode logDirs = node.get("log_dirs");
        if (logDirs == null || logDirs.isNull()) {
            ids.forEach(id -> dirs.add(ANY_LOG_DIR));
        } else {
            if (!logDirs.isArray()) {
                throw new ToolFailure(where + " (" + tp + ") has a \"log_dirs\" that is not a list");
            }
            logDirs.forEach(d -> dirs.add(d.asText()));
            if (dirs.size() != ids.size()) {
                throw new ToolFailure(where + " (" + tp + ") has " + ids.size() + " replicas but " + dirs.size()
                        + " log_dirs");
            }
        }
        return new Target(tp, List.copyOf(ids), List.copyOf(dirs));
    }

    private static void checkVersion(JsonNode root, String where) {
        if (!root.isObject()) {
            throw new ToolFailure(where + ": not a JSON object");
        }
        JsonNode version = root.get("version");
        if (version != null && !(version.isIntegralNumber() && version.asInt() == 1)) {
            throw new ToolFailure(where + ": unsupported \"version\" " + version + " (only 1 exists)");
        }
    }

    private static JsonNode parse(Path file, String option) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ToolFailure(option + " " + file + ": no such file", e);
        } catch (IOException e) {
            throw new ToolFailure(option + " " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return parseText(text, option + " " + file);
    }

    /** The document in {@code text}; {@code where} names it in the one-line error. */
    static JsonNode parseText(String text, String where) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ToolFailure(where + ": empty, not JSON");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String place = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
            throw new ToolFailure(where + ": not valid JSON" + place + ": " + why, e);
        }
    }

    /**
     * A reassignment document as Kafka writes it: one line, partitions sorted by topic and
     * partition, {@code log_dirs} all {@code any}.
     */
    static String format(Map<TopicPartition, List<Integer>> assignment) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        ArrayNode partitions = root.putArray("partitions");
        List<TopicPartition> order = new ArrayList<>(assignment.keySet());
        order.sort(ORDER);
        for (TopicPartition tp : order) {
            ObjectNode p = partitions.addObject();
            p.put("topic", tp.topic());
            p.put("partition", tp.partition());
            ArrayNode replicas = p.putArray("replicas");
            assignment.get(tp).forEach(replicas::add);
            ArrayNode dirs = p.putArray("log_dirs");
            assignment.get(tp).forEach(r -> dirs.add(ANY_LOG_DIR));
        }
        return root.toString();
    }

    /** Topic, then partition number: Kafka's order for every listing of partitions. */
    static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    /** The targets as a map in file order. */
    static Map<TopicPartition, List<Integer>> asMap(List<Target> targets) {
        Map<TopicPartition, List<Integer>> m = new LinkedHashMap<>();
        targets.forEach(t -> m.put(t.partition(), t.replicas()));
        return m;
    }
}
