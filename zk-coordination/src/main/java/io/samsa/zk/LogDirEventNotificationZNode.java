package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * {@code /log_dir_event_notification/log_dir_event_<seq>}: persistent sequential znodes a broker
 * creates when one of its log directories fails, {@code {"version":1,"broker":1,"event":1}}, so
 * the controller finds out which of its replicas are offline and moves their leadership. Kafka's
 * format. Stateless.
 */
public final class LogDirEventNotificationZNode {

    public static final String PATH = "/log_dir_event_notification";
    public static final String SEQUENCE_PREFIX = "log_dir_event_";
    /** The only event Kafka defines: a log dir failed. */
    public static final int LOG_DIR_FAILURE = 1;

    private LogDirEventNotificationZNode() {
    }

    public static String createPath() {
        return PATH + "/" + SEQUENCE_PREFIX;
    }

    public static String path(String childName) {
        return PATH + "/" + childName;
    }

    public static byte[] encode(int brokerId) {
        return Json.writeBytes(new JsonObject().put("version", 1).put("broker", brokerId).put("event", LOG_DIR_FAILURE));
    }

    /** The broker a notification is about. */
    public static int decode(byte[] bytes) {
        try {
            return Json.parseObject(bytes).getInt("broker");
        } catch (JsonException e) {
            throw new ZkException("Failed to parse log dir event notification " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
