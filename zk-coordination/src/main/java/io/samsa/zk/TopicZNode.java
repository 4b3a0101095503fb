package io.samsa.zk;

import io.samsa.common.Uuid;
import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code /brokers/topics} and {@code /brokers/topics/<topic>}, a topic's replica assignment in
 * Kafka's version 3 JSON:
 * <pre>{"version":3,"topic_id":"vbIl...","partitions":{"0":[1,2]},"adding_replicas":{},"removing_replicas":{}}</pre>
 * The broker handling CreateTopics writes it; the controller learns of new topics and partitions by
 * watching it. Stateless.
 */
public final class TopicZNode {

    public static final String PATH = "/brokers/topics";
    public static final int VERSION = 3;

    private TopicZNode() {
    }

    public static String path(String topic) {
        return PATH + "/" + topic;
    }

    public static byte[] encode(TopicAssignment assignment) {
        JsonObject json = new JsonObject().put("version", VERSION);
        if (!assignment.topicId().equals(Uuid.ZERO)) {
            json.put("topic_id", assignment.topicId().toString());
        }
        json.put("partitions", toJson(assignment.partitions()))
                .put("adding_replicas", toJson(assignment.addingReplicas()))
                .put("removing_replicas", toJson(assignment.removingReplicas()));
        return Json.writeBytes(json);
    }

    public static TopicAssignment decode(String topic, byte[] bytes) {
        try {
            JsonObject json = Json.parseObject(bytes);
            String id = json.optString("topic_id", null);
            return new TopicAssignment(topic, id == null ? Uuid.ZERO : Uuid.fromString(id),
                    fromJson(json.optObject("partitions")), fromJson(json.optObject("adding_replicas")),
                    fromJson(json.optObject("removing_replicas")));
        } catch (JsonException | IllegalArgumentException e) {
            throw new ZkException("Failed to parse the assignment of topic " + topic + ": "
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }

    private static JsonObject toJson(Map<Integer, List<Integer>> map) {
        JsonObject json = new JsonObject();
        map.forEach((partition, replicas) -> json.put(Integer.toString(partition), replicas));
        return json;
    }

    private static SortedMap<Integer, List<Integer>> fromJson(JsonObject json) {
        SortedMap<Integer, List<Integer>> map = new TreeMap<>();
        for (String partition : json.keys()) {
            map.put(Integer.parseInt(partition), json.getIntList(partition));
        }
        return map;
    }
}
