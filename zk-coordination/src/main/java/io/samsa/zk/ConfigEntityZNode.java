package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /config/<entityType>/<name>}: dynamic configuration overrides of one entity (a topic, a
 * broker, a user, a client) as {@code {"version":1,"config":{"retention.ms":"1000"}}}. Values are
 * strings, as Kafka writes them. Stateless.
 */
public final class ConfigEntityZNode {

    public static final String PATH = "/config";
    public static final String TOPICS = "topics";
    public static final String BROKERS = "brokers";
    public static final String USERS = "users";
    public static final String CLIENTS = "clients";
    public static final String IPS = "ips";

    private ConfigEntityZNode() {
    }

    public static String path(String entityType) {
        return PATH + "/" + entityType;
    }

    public static String path(String entityType, String entityName) {
        return path(entityType) + "/" + entityName;
    }

    public static byte[] encode(Map<String, String> config) {
        return Json.writeBytes(new JsonObject().put("version", 1).put("config", new LinkedHashMap<>(config)));
    }

    /** The overrides; empty for an empty or config-less znode. */
    public static Map<String, String> decode(byte[] bytes) {
        Map<String, String> config = new LinkedHashMap<>();
        if (bytes == null || bytes.length == 0) {
            return config;
        }
        try {
            JsonObject json = Json.parseObject(bytes).optObject("config");
            for (String key : json.keys()) {
                Object value = json.get(key);
                config.put(key, value instanceof String s ? s : Json.write(value));
            }
            return config;
        } catch (JsonException e) {
            throw new ZkException("Failed to parse config " + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
