package io.samsa.zk;

import io.samsa.common.TopicPartition;
import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /isr_change_notification/isr_change_<seq>}: persistent sequential znodes a partition leader
 * creates after rewriting ISRs, {@code {"version":1,"partitions":[{"topic":"t","partition":0}]}}, so
 * the controller re-reads those states and propagates them with UpdateMetadata. Stateless.
 */
public final class IsrChangeNotificationZNode {

    public static final String PATH = "/isr_change_notification";
    public static final String SEQUENCE_PREFIX = "isr_change_";
    public static final int VERSION = 1;

    private IsrChangeNotificationZNode() {
    }

    public static String createPath() {
        return PATH + "/" + SEQUENCE_PREFIX;
    }

    public static String path(String childName) {
        return PATH + "/" + childName;
    }

    public static byte[] encode(Set<TopicPartition> partitions) {
        List<JsonObject> list = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            list.add(new JsonObject().put("topic", tp.topic()).put("partition", tp.partition()));
        }
        return Json.writeBytes(new JsonObject().put("version", VERSION).put("partitions", list));
    }

    public static Set<TopicPartition> decode(byte[] bytes) {
        try {
            Set<TopicPartition> result = new LinkedHashSet<>();
            for (Object element : Json.parseObject(bytes).getArray("partitions")) {
                if (!(element instanceof JsonObject p)) {
                    throw new JsonException("partitions entries must be objects");
                }
                result.add(new TopicPartition(p.getString("topic"), p.getInt("partition")));
            }
            return result;
        } catch (JsonException e) {
            throw new ZkException("Failed to parse ISR change notification " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
