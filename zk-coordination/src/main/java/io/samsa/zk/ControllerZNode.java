package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * {@code /controller}: the ephemeral znode the elected controller holds,
 * <pre>{"version":1,"brokerid":1,"timestamp":"1700000000000"}</pre>
 * Decoding also accepts Kafka 3.x's version 2 (which adds {@code kraftControllerEpoch}). Stateless.
 */
public final class ControllerZNode {

    public static final String PATH = "/controller";
    public static final int VERSION = 1;

    private ControllerZNode() {
    }

    public static byte[] encode(int brokerId, long timestampMs) {
        return Json.writeBytes(new JsonObject()
                .put("version", VERSION)
                .put("brokerid", brokerId)
                .put("timestamp", Long.toString(timestampMs)));
    }

    /** The controller's broker id. */
    public static int decode(byte[] bytes) {
        try {
            return Json.parseObject(bytes).getInt("brokerid");
        } catch (JsonException e) {
            throw new ZkException("Failed to parse the controller registration: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
