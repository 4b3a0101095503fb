package io.samsa.zk;

import io.samsa.common.TopicPartition;
import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * {@code /brokers/topics/<t>/partitions/<p>/state}: a partition's leader and ISR in Kafka's JSON
 * <pre>{"controller_epoch":1,"leader":1,"version":1,"leader_epoch":0,"isr":[1,2]}</pre>
 * ({@code leader_recovery_state} is added only while a leader is recovering). The controller
 * creates and rewrites it (fenced); a partition leader rewrites it (version-checked) when its ISR
 * changes. Stateless.
 */
public final class TopicPartitionStateZNode {

    public static final int VERSION = 1;

    private TopicPartitionStateZNode() {
    }

    /** {@code /brokers/topics/<t>/partitions}. */
    public static String partitionsPath(String topic) {
        return TopicZNode.path(topic) + "/partitions";
    }

    /** {@code /brokers/topics/<t>/partitions/<p>}. */
    public static String partitionPath(TopicPartition tp) {
        return partitionsPath(tp.topic()) + "/" + tp.partition();
    }

    public static String path(TopicPartition tp) {
        return partitionPath(tp) + "/state";
    }

    public static byte[] encode(PartitionState state) {
        JsonObject json = new JsonObject()
                .put("controller_epoch", state.controllerEpoch())
                .put("leader", state.leader())
                .put("version", VERSION)
                .put("leader_epoch", state.leaderEpoch())
                .put("isr", state.isr());
        if (state.leaderRecoveryState() != 0) {
            json.put("leader_recovery_state", state.leaderRecoveryState());
        }
        return Json.writeBytes(json);
    }

    public static PartitionState decode(TopicPartition tp, byte[] bytes, int zkVersion) {
        try {
            JsonObject json = Json.parseObject(bytes);
            return new PartitionState(json.getInt("leader"), json.getInt("leader_epoch"), json.getIntList("isr"),
                    json.getInt("controller_epoch"), json.optInt("leader_recovery_state", 0), zkVersion);
        } catch (JsonException e) {
            throw new ZkException("Failed to parse the state of partition " + tp + ": "
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
