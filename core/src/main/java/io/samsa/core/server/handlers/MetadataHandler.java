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
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;

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
public final class MetadataHandler implements ApiHandler<MetadataRequest> {

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
    public void handle(Request request, MetadataRequest body) {
        short version = request.version();
        MetadataCache.Snapshot snap = cache.snapshot();
        MetadataResponse response = new MetadataResponse();
        String listener = request.listenerName();
        for (BrokerNode b : snap.brokers().values()) {
            Optional<EndPoint> ep = b.endPoint(listener);
            if (ep.isEmpty()) {
                continue;
            }
            response.brokers().add(new MetadataResponse.MetadataResponseBroker()
                    .setNodeId(b.id())
                    .setHost(ep.get().host())
                    .setPort(ep.get().port())
                    .setRack(b.rack()));
        }
        response.setClusterId(identity.clusterId());
        response.setControllerId(snap.controllerId());
        // v8-v10 ask for the cluster's operations here; later versions use DescribeCluster.
        response.setClusterAuthorizedOperations(AuthorizedOperations.answer(
                body.includeClusterAuthorizedOperations(), AuthorizedOperations.CLUSTER));
        int topicOperations = AuthorizedOperations.answer(body.includeTopicAuthorizedOperations(), AuthorizedOperations.TOPIC);

        List<MetadataRequest.MetadataRequestTopic> requested = body.topics();
        boolean allTopics = requested == null || (version == 0 && requested.isEmpty());
        if (allTopics) {
            for (TopicInfo t : snap.topics().values()) {
                addTopic(response, t, topicOperations);
            }
        } else {
            Set<String> toCreate = new LinkedHashSet<>();
            for (MetadataRequest.MetadataRequestTopic rt : requested) {
                String name = rt.name();
                Uuid id = rt.topicId();
                // kafka-clients asks by id with an empty name, not a null one: a non-zero id decides.
                if (name == null || !id.equals(Uuid.ZERO)) {
                    String byId = snap.topicNames().get(id);
                    if (byId == null) {
                        // The name of an unknown id is null where the version allows it (v12+), else empty.
                        addError(response, version >= 12 ? null : "", id, Errors.UNKNOWN_TOPIC_ID);
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
                } else if (autoCreateEnabled && body.allowAutoTopicCreation() && !TopicNames.isInternal(name)) {
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

    private static void addError(MetadataResponse response, String name, Uuid id, Errors error) {
        response.topics().add(new MetadataResponse.MetadataResponseTopic()
                .setErrorCode(error.code())
                .setName(name)
                .setTopicId(id)
                .setTopicAuthorizedOperations(AuthorizedOperations.OMITTED));
    }

    private static void addTopic(MetadataResponse response, TopicInfo t, int authorizedOperations) {
        MetadataResponse.MetadataResponseTopic topic = new MetadataResponse.MetadataResponseTopic()
                .setErrorCode(Errors.NONE.code())
                .setName(t.name())
                .setTopicId(t.topicId())
                .setIsInternal(t.isInternal())
                .setTopicAuthorizedOperations(authorizedOperations);
        response.topics().add(topic);
        for (PartitionInfo p : t.partitions().values()) {
            Errors error = p.leader() < 0 ? Errors.LEADER_NOT_AVAILABLE : Errors.NONE;
            topic.partitions().add(new MetadataResponse.MetadataResponsePartition()
                    .setErrorCode(error.code())
                    .setPartitionIndex(p.partition())
                    .setLeaderId(p.leader())
                    .setLeaderEpoch(p.leaderEpoch())
                    .setReplicaNodes(new ArrayList<>(p.replicas()))
                    .setIsrNodes(new ArrayList<>(p.isr()))
                    .setOfflineReplicas(new ArrayList<>(p.offlineReplicas())));
        }
    }
}
