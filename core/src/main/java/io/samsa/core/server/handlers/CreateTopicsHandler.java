package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.ConfigEntry;
import io.samsa.core.server.admin.AdminManager;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.MetadataWaiters;
import io.samsa.core.server.metadata.PartitionInfo;
import io.samsa.core.server.metadata.TopicInfo;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateTopics: validates and writes each topic's assignment to ZooKeeper, then answers once
 * every created partition has a leader in this broker's metadata (so a client may use the topic
 * as soon as it hears back), or REQUEST_TIMED_OUT at {@code timeout_ms}. Thread-safe.
 */
public final class CreateTopicsHandler implements ApiHandler {

    private final AdminManager admin;
    private final MetadataWaiters waiters;

    public CreateTopicsHandler(AdminManager admin, MetadataWaiters waiters) {
        this.admin = admin;
        this.waiters = waiters;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CREATE_TOPICS;
    }

    @Override
    public short minVersion() {
        return 2;
    }

    @Override
    public short maxVersion() {
        return 7;
    }

    @Override
    public void handle(Request request, Struct body) {
        boolean validateOnly = body.getBoolean("validate_only");
        Map<String, Integer> seen = new HashMap<>();
        for (Struct t : body.getStructArray("topics")) {
            seen.merge(t.getString("name"), 1, Integer::sum);
        }
        Map<String, AdminManager.CreateResult> results = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        for (Struct t : body.getStructArray("topics")) {
            String name = t.getString("name");
            if (seen.get(name) > 1) {
                results.put(name, AdminManager.CreateResult.failed(Errors.INVALID_REQUEST, "Create topics request from client `"
                        + request.header().clientId() + "` contains multiple entries for the following topics: " + name));
                continue;
            }
            Map<Integer, List<Integer>> assignments = new LinkedHashMap<>();
            for (Struct a : t.getStructArray("assignments")) {
                assignments.put(a.getInt("partition_index"), a.getIntArray("broker_ids"));
            }
            Map<String, String> configs = new LinkedHashMap<>();
            for (Struct c : t.getStructArray("configs")) {
                configs.put(c.getString("name"), c.getString("value"));
            }
            AdminManager.CreateResult r = admin.createTopic(new AdminManager.NewTopic(name, t.getInt("num_partitions"),
                    t.getShort("replication_factor"), assignments, configs), validateOnly);
            results.put(name, r);
            if (r.error().isSuccess() && !validateOnly) {
                created.add(name);
            }
        }
        if (created.isEmpty()) {
            request.sendResponse(response(results, Set.of()));
            return;
        }
        waiters.await(snap -> created.stream().allMatch(name -> hasLeaders(snap, name, results.get(name).numPartitions())),
                body.getInt("timeout_ms"),
                ready -> {
                    // On timeout the topics still exist; only their leaders are late, as in Kafka.
                    request.sendResponse(response(results, ready ? Set.of() : created));
                });
    }

    static boolean hasLeaders(MetadataCache.Snapshot snap, String topic, int partitions) {
        TopicInfo t = snap.topics().get(topic);
        if (t == null || t.partitions().size() < partitions) {
            return false;
        }
        for (PartitionInfo p : t.partitions().values()) {
            if (p.leader() < 0) {
                return false;
            }
        }
        return true;
    }

    private static Struct response(Map<String, AdminManager.CreateResult> results, Set<String> timedOut) {
        Struct response = new Struct(ApiKeys.CREATE_TOPICS.responseSpec().root());
        results.forEach((name, r) -> {
            Errors error = timedOut.contains(name) ? Errors.REQUEST_TIMED_OUT : r.error().error();
            Struct t = response.addElement("topics")
                    .set("name", name)
                    .set("topic_id", r.topicId())
                    .set("error_code", error.code())
                    .set("error_message", timedOut.contains(name) ? "Timed out waiting for the topic's leaders" : r.error().message())
                    .set("num_partitions", r.numPartitions())
                    .set("replication_factor", r.replicationFactor());
            if (r.configs() == null) {
                t.set("configs", null);
            } else {
                List<Struct> configs = new ArrayList<>();
                for (ConfigEntry e : r.configs()) {
                    configs.add(t.newElement("configs")
                            .set("name", e.name())
                            .set("value", e.value())
                            .set("read_only", e.readOnly())
                            .set("config_source", e.source())
                            .set("is_sensitive", e.sensitive()));
                }
                t.set("configs", configs);
            }
        });
        return response;
    }
}
