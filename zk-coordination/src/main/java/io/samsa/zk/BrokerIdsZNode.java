package io.samsa.zk;

import io.samsa.zk.json.Json;
import io.samsa.zk.json.JsonException;
import io.samsa.zk.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /brokers/ids} and its ephemeral children {@code /brokers/ids/<id>}: one per live broker,
 * holding Kafka's version 5 registration JSON:
 * <pre>{"version":5,"host":"h","port":9092,"jmx_port":-1,"timestamp":"1700000000000",
 *  "endpoints":["PLAINTEXT://h:9092"],"listener_security_protocol_map":{"PLAINTEXT":"PLAINTEXT"},
 *  "features":{},"rack":"r1"}</pre>
 * ({@code rack} only when set). Decoding also accepts Kafka's versions 1 to 4. Stateless.
 */
public final class BrokerIdsZNode {

    public static final String PATH = "/brokers/ids";
    public static final int VERSION = 5;

    private BrokerIdsZNode() {
    }

    public static String path(int brokerId) {
        return PATH + "/" + brokerId;
    }

    public static byte[] encode(BrokerInfo broker) {
        // The top-level host/port is for old clients: the first PLAINTEXT endpoint, else null/-1.
        EndPoint plaintext = null;
        for (EndPoint e : broker.endpoints()) {
            if (e.securityProtocol().equals("PLAINTEXT")) {
                plaintext = e;
                break;
            }
        }
        List<String> endpoints = new ArrayList<>();
        Map<String, String> protocolMap = new LinkedHashMap<>();
        for (EndPoint e : broker.endpoints()) {
            endpoints.add(e.connectionString());
            protocolMap.put(e.listenerName(), e.securityProtocol());
        }
        JsonObject features = new JsonObject();
        broker.features().forEach((name, range) -> features.put(name,
                new JsonObject().put("min_version", range.minVersion()).put("max_version", range.maxVersion())));
        JsonObject json = new JsonObject()
                .put("version", VERSION)
                .put("host", plaintext == null ? null : plaintext.host())
                .put("port", plaintext == null ? -1 : plaintext.port())
                .put("jmx_port", broker.jmxPort())
                .put("timestamp", Long.toString(broker.timestamp()))
                .put("endpoints", endpoints)
                .put("listener_security_protocol_map", protocolMap)
                .put("features", features);
        if (broker.rack() != null) {
            json.put("rack", broker.rack());
        }
        return Json.writeBytes(json);
    }

    /**
     * Decodes a registration.
     *
     * @param czxid the znode's creation zxid, which becomes {@link BrokerInfo#epoch()}
     */
    public static BrokerInfo decode(int brokerId, byte[] bytes, long czxid) {
        try {
            JsonObject json = Json.parseObject(bytes);
            int version = json.getInt("version");
            List<EndPoint> endpoints = new ArrayList<>();
            if (version < 1) {
                throw new ZkException("Unsupported broker registration version " + version);
            } else if (version == 1) {
                endpoints.add(EndPoint.plaintext(json.getString("host"), json.getInt("port")));
            } else {
                Map<String, String> protocolMap = EndPoint.DEFAULT_SECURITY_PROTOCOL_MAP;
                if (json.get("listener_security_protocol_map") != null) {
                    Map<String, String> explicit = new LinkedHashMap<>();
                    JsonObject map = json.getObject("listener_security_protocol_map");
                    for (String listener : map.keys()) {
                        explicit.put(listener, map.getString(listener));
                    }
                    protocolMap = explicit;
                }
                for (String e : json.getStringList("endpoints")) {
                    endpoints.add(EndPoint.parse(e, protocolMap));
                }
            }
            Map<String, BrokerInfo.FeatureRange> features = new LinkedHashMap<>();
            JsonObject featuresJson = json.optObject("features");
            for (String name : featuresJson.keys()) {
                JsonObject range = featuresJson.getObject(name);
                features.put(name, new BrokerInfo.FeatureRange(range.getInt("min_version"), range.getInt("max_version")));
            }
            String timestamp = json.optString("timestamp", null);
            return new BrokerInfo(brokerId, endpoints, json.optString("rack", null), json.optInt("jmx_port", -1),
                    timestamp == null ? -1L : Long.parseLong(timestamp), features, czxid);
        } catch (JsonException | NumberFormatException e) {
            throw new ZkException("Failed to parse ZooKeeper registration for broker " + brokerId + ": "
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
    }
}
