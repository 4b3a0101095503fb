package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * {@code /config/changes/config_change_<seq>}: persistent sequential znodes announcing that an
 * entity's config changed, {@code {"version":2,"entity_path":"topics/my-topic"}}; every broker
 * watches the parent and re-reads the named entity. Stateless.
 */
public final class ConfigChangeNotificationZNode {

    public static final String PATH = "/config/changes";
    public static final String SEQUENCE_PREFIX = "config_change_";

    private ConfigChangeNotificationZNode() {
    }

    /** The path to create with a sequential mode. */
    public static String createPath() {
        return PATH + "/" + SEQUENCE_PREFIX;
    }

    /** @param entityPath {@code <entityType>/<name>}, e.g. {@code topics/foo} */
    public static byte[] encode(String entityPath) {
        return Json.writeBytes(new JsonObject().put("version", 2).put("entity_path", entityPath));
    }

    /** The entity path; a version 1 notification ({@code entity_type}, {@code entity_name}) is converted. */
    public static String decode(byte[] bytes) {
        try {
            JsonObject json = Json.parseObject(bytes);
            if (json.getInt("version") == 1) {
                return json.getString("entity_type") + "/" + json.getString("entity_name");
            }
            return json.getString("entity_path");
        } catch (JsonException e) {
            throw new ZkException("Failed to parse config change " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
