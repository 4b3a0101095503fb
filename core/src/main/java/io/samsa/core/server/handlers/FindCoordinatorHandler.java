package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.OffsetsTopic;
import io.samsa.core.server.admin.OffsetsTopicCreator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.PartitionInfo;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.FindCoordinatorRequest;
import io.samsa.protocol.message.FindCoordinatorResponse;
import io.samsa.zk.EndPoint;

import java.util.Optional;

/**
 * FindCoordinator: the broker leading the group's {@code __consumer_offsets} partition, as
 * reachable on the listener the request came in on. The first group lookup creates the topic
 * (answering COORDINATOR_NOT_AVAILABLE until it has leaders). Transaction coordinators do not
 * exist yet: transactional keys answer UNSUPPORTED_VERSION. v4+ batches keys. v0 stays in
 * range because librdkafka enables group consumers and lz4 only when it is. Thread-safe.
 */
public final class FindCoordinatorHandler implements ApiHandler<FindCoordinatorRequest> {

    private static final byte GROUP = 0;
    private static final byte TRANSACTION = 1;

    private record Lookup(Errors error, String message, int nodeId, String host, int port) {
        static Lookup error(Errors e, String message) {
            return new Lookup(e, message, -1, "", -1);
        }
    }

    private final GroupCoordinator coordinator;
    private final OffsetsTopicCreator offsetsTopic;
    private final MetadataCache metadata;

    public FindCoordinatorHandler(GroupCoordinator coordinator, OffsetsTopicCreator offsetsTopic, MetadataCache metadata) {
        this.coordinator = coordinator;
        this.offsetsTopic = offsetsTopic;
        this.metadata = metadata;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.FIND_COORDINATOR;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 6;
    }

    @Override
    public void handle(Request request, FindCoordinatorRequest body) {
        byte keyType = body.keyType();
        FindCoordinatorResponse response = new FindCoordinatorResponse();
        if (request.version() < 4) {
            Lookup l = lookup(body.key(), keyType, request.listenerName());
            response.setErrorCode(l.error().code())
                    .setErrorMessage(l.message())
                    .setNodeId(l.nodeId())
                    .setHost(l.host())
                    .setPort(l.port());
        } else {
            for (String key : body.coordinatorKeys()) {
                Lookup l = lookup(key, keyType, request.listenerName());
                response.coordinators().add(new FindCoordinatorResponse.Coordinator()
                        .setKey(key)
                        .setNodeId(l.nodeId())
                        .setHost(l.host())
                        .setPort(l.port())
                        .setErrorCode(l.error().code())
                        .setErrorMessage(l.message()));
            }
        }
        request.sendResponse(response);
    }

    private Lookup lookup(String key, byte keyType, String listener) {
        if (keyType == TRANSACTION) {
            // Not COORDINATOR_NOT_AVAILABLE: clients retry that until max.block.ms runs out, while a
            // non-retriable error fails initTransactions() at once with this message.
            return Lookup.error(Errors.UNSUPPORTED_VERSION, "Transactions are not supported by this broker");
        }
        if (keyType != GROUP) {
            return Lookup.error(Errors.INVALID_REQUEST, "Unsupported key type " + keyType);
        }
        if (key == null) {
            return Lookup.error(Errors.INVALID_REQUEST, "No key");
        }
        if (!offsetsTopic.ensureExists()) {
            return Lookup.error(Errors.COORDINATOR_NOT_AVAILABLE, "The coordinator is not available.");
        }
        MetadataCache.Snapshot snap = metadata.snapshot();
        TopicPartition tp = new TopicPartition(OffsetsTopic.NAME, coordinator.partitionFor(key));
        Optional<PartitionInfo> p = snap.partition(tp);
        if (p.isEmpty() || p.get().leader() < 0) {
            return Lookup.error(Errors.COORDINATOR_NOT_AVAILABLE, "The coordinator is not available.");
        }
        Optional<EndPoint> ep = snap.broker(p.get().leader()).flatMap((BrokerNode b) -> b.endPoint(listener));
        if (ep.isEmpty()) {
            return Lookup.error(Errors.COORDINATOR_NOT_AVAILABLE, "The coordinator is not available.");
        }
        return new Lookup(Errors.NONE, null, p.get().leader(), ep.get().host(), ep.get().port());
    }
}
