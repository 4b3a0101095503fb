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
import io.samsa.protocol.message.CreateTopicsRequest;
import io.samsa.protocol.message.CreateTopicsResponse;

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
public final class CreateTopicsHandler implements ApiHandler<CreateTopicsRequest> {

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
        return 0;
    }

    @Override
    public short maxVersion() {
        return 7;
    }

    @Override
    public void handle(Request request, CreateTopicsRequest body) {
        boolean validateOnly = body.validateOnly();
        Map<String, Integer> seen = new HashMap<>();
        for (CreateTopicsRequest.CreatableTopic t : body.topics()) {
            seen.merge(t.name(), 1, Integer::sum);
        }
        Map<String, AdminManager.CreateResult> results = new LinkedHashMap<>();
        Set<String> created = new HashSet<>();
        for (CreateTopicsRequest.CreatableTopic t : body.topics()) {
            String name = t.name();
            if (seen.get(name) > 1) {
                results.put(name, AdminManager.CreateResult.failed(Errors.INVALID_REQUEST, "Create topics request from client `"
                        + request.header().clientId() + "` contains multiple entries for the following topics: " + name));
                continue;
            }
            Map<Integer, List<Integer>> assignments = new LinkedHashMap<>();
            for (CreateTopicsRequest.CreatableReplicaAssignment a : t.assignments()) {
                assignments.put(a.partitionIndex(), a.brokerIds());
            }
            Map<String, String> configs = new LinkedHashMap<>();
            for (CreateTopicsRequest.CreatableTopicConfig c : t.configs()) {
                configs.put(c.name(), c.value());
            }
            AdminManager.CreateResult r = admin.createTopic(new AdminManager.NewTopic(name, t.numPartitions(),
                    t.replicationFactor(), assignments, configs), validateOnly);
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
                body.timeoutMs(),
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

    private static CreateTopicsResponse response(Map<String, AdminManager.CreateResult> results, Set<String> timedOut) {
        CreateTopicsResponse response = new CreateTopicsResponse();
        results.forEach((name, r) -> {
            Errors error = timedOut.contains(name) ? Errors.REQUEST_TIMED_OUT : r.error().error();
            CreateTopicsResponse.CreatableTopicResult t = new CreateTopicsResponse.CreatableTopicResult()
                    .setName(name)
                    .setTopicId(r.topicId())
                    .setErrorCode(error.code())
                    .setErrorMessage(timedOut.contains(name) ? "Timed out waiting for the topic's leaders" : r.error().message())
                    .setNumPartitions(r.numPartitions())
                    .setReplicationFactor(r.replicationFactor());
            if (r.configs() == null) {
                t.setConfigs(null);
            } else {
                for (ConfigEntry e : r.configs()) {
                    t.configs().add(new CreateTopicsResponse.CreatableTopicConfigs()
                            .setName(e.name())
                            .setValue(e.value())
                            .setReadOnly(e.readOnly())
                            .setConfigSource(e.source())
                            .setIsSensitive(e.sensitive()));
                }
            }
            response.topics().add(t);
        });
        return response;
    }
}
