package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.ClusterIdentity;
import io.samsa.zk.EndPoint;
import io.samsa.core.server.TopicNames;
import io.samsa.core.server.admin.AdminManager;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.PartitionInfo;
import io.samsa.core.server.metadata.TopicInfo;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Metadata: brokers (as reachable on the listener the request came in on), controller, and the
 * requested topics' partitions and leaders, all from the metadata cache. Unknown topics are
 * created when the client allows it and {@code auto.create.topics.enable} is on; they answer
 * LEADER_NOT_AVAILABLE until the controller has elected leaders. Thread-safe.
 */
public final class MetadataHandler implements ApiHandler {

    private final MetadataCache cache;
    private final ClusterIdentity identity;
    private final AdminManager topicAdmin;
    private final boolean autoCreateEnabled;

    public MetadataHandler(MetadataCache cache, ClusterIdentity identity, AdminManager topicAdmin, boolean autoCreateEnabled) {
        this.cache = cache;
        this.identity = identity;
        this.topicAdmin = topicAdmin;
        this.autoCreateEnabled = autoCreateEnabled;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.METADATA;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 12;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        MetadataCache.Snapshot snap = cache.snapshot();
        Struct response = new Struct(ApiKeys.METADATA.responseSpec().root());
        String listener = request.listenerName();
        for (BrokerNode b : snap.brokers().values()) {
            Optional<EndPoint> ep = b.endPoint(listener);
            if (ep.isEmpty()) {
                continue;
            }
            response.addElement("brokers")
                    .set("node_id", b.id())
                    .set("host", ep.get().host())
                    .set("port", ep.get().port())
                    .set("rack", b.rack());
        }
        response.set("cluster_id", identity.clusterId());
        response.set("controller_id", snap.controllerId());
        // v8-v10 ask for the cluster's operations here; later versions use DescribeCluster.
        response.set("cluster_authorized_operations", AuthorizedOperations.answer(
                version >= 8 && version <= 10 && body.getBoolean("include_cluster_authorized_operations"),
                AuthorizedOperations.CLUSTER));
        int topicOperations = AuthorizedOperations.answer(
                version >= 8 && body.getBoolean("include_topic_authorized_operations"), AuthorizedOperations.TOPIC);

        List<Struct> requested = body.getStructArray("topics");
        boolean allTopics = requested == null || (version == 0 && requested.isEmpty());
        boolean allowAutoCreate = version < 4 || body.getBoolean("allow_auto_topic_creation");
        if (allTopics) {
            for (TopicInfo t : snap.topics().values()) {
                addTopic(response, t, topicOperations);
            }
        } else {
            Set<String> toCreate = new LinkedHashSet<>();
            for (Struct rt : requested) {
                String name = rt.getString("name");
                Uuid id = version >= 10 ? rt.getUuid("topic_id") : Uuid.ZERO;
                // kafka-clients asks by id with an empty name, not a null one: a non-zero id decides.
                if (name == null || !id.equals(Uuid.ZERO)) {
                    String byId = snap.topicNames().get(id);
                    if (byId == null) {
                        addError(response, null, id, Errors.UNKNOWN_TOPIC_ID);
                    } else {
                        addTopic(response, snap.topics().get(byId), topicOperations);
                    }
                    continue;
                }
                Optional<TopicInfo> t = snap.topic(name);
                if (t.isPresent()) {
                    addTopic(response, t.get(), topicOperations);
                } else if (!TopicNames.isValid(name)) {
                    addError(response, name, Uuid.ZERO, Errors.INVALID_TOPIC_EXCEPTION);
                } else if (autoCreateEnabled && allowAutoCreate && !TopicNames.isInternal(name)) {
                    toCreate.add(name);
                    addError(response, name, Uuid.ZERO, Errors.LEADER_NOT_AVAILABLE);
                } else {
                    addError(response, name, Uuid.ZERO, Errors.UNKNOWN_TOPIC_OR_PARTITION);
                }
            }
            if (!toCreate.isEmpty()) {
                topicAdmin.autoCreate(toCreate);
            }
        }
        request.sendResponse(response);
    }

    private static void addError(Struct response, String name, Uuid id, Errors error) {
        response.addElement("topics")
                .set("error_code", error.code())
                .set("name", name)
                .set("topic_id", id)
                .set("topic_authorized_operations", AuthorizedOperations.OMITTED);
    }

    private static void addTopic(Struct response, TopicInfo t, int authorizedOperations) {
        Struct topic = response.addElement("topics")
                .set("error_code", Errors.NONE.code())
                .set("name", t.name())
                .set("topic_id", t.topicId())
                .set("is_internal", t.isInternal())
                .set("topic_authorized_operations", authorizedOperations);
        for (PartitionInfo p : t.partitions().values()) {
            Errors error = p.leader() < 0 ? Errors.LEADER_NOT_AVAILABLE : Errors.NONE;
            topic.addElement("partitions")
                    .set("error_code", error.code())
                    .set("partition_index", p.partition())
                    .set("leader_id", p.leader())
                    .set("leader_epoch", p.leaderEpoch())
                    .set("replica_nodes", new ArrayList<>(p.replicas()))
                    .set("isr_nodes", new ArrayList<>(p.isr()))
                    .set("offline_replicas", new ArrayList<>(p.offlineReplicas()));
        }
    }
}
