package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** {@code /cluster/id}: {@code {"version":"1","id":"<base64 uuid>"}} (the version is a string, as Kafka writes it). Stateless. */
public final class ClusterIdZNode {

    public static final String PATH = "/cluster/id";

    private ClusterIdZNode() {
    }

    public static byte[] encode(String clusterId) {
        return Json.writeBytes(new JsonObject().put("version", "1").put("id", clusterId));
    }

    public static String decode(byte[] bytes) {
        try {
            return Json.parseObject(bytes).getString("id");
        } catch (JsonException e) {
            throw new ZkException("Failed to parse the cluster id " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
