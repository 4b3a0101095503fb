package io.samsa.zk;

import io.samsa.common.TopicPartition;
import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/reassign_partitions}: a requested reassignment (Kafka's legacy, pre-2.4 interface),
 * {@code {"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2]}]}}. Stateless.
 */
public final class ReassignPartitionsZNode {

    public static final String PATH = "/admin/reassign_partitions";

    private ReassignPartitionsZNode() {
    }

    public static byte[] encode(Map<TopicPartition, List<Integer>> reassignment) {
        List<JsonObject> partitions = new ArrayList<>();
        reassignment.forEach((tp, replicas) -> partitions.add(new JsonObject()
                .put("topic", tp.topic()).put("partition", tp.partition()).put("replicas", replicas)));
        return Json.writeBytes(new JsonObject().put("version", 1).put("partitions", partitions));
    }

    public static Map<TopicPartition, List<Integer>> decode(byte[] bytes) {
        try {
            Map<TopicPartition, List<Integer>> result = new LinkedHashMap<>();
            for (Object element : Json.parseObject(bytes).getArray("partitions")) {
                if (!(element instanceof JsonObject p)) {
                    throw new JsonException("partitions entries must be objects");
                }
                result.put(new TopicPartition(p.getString("topic"), p.getInt("partition")), p.getIntList("replicas"));
            }
            return result;
        } catch (JsonException e) {
            throw new ZkException("Failed to parse partition reassignment " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
