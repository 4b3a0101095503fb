package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.network.Request;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.StopReplicaRequest;
import io.samsa.protocol.message.StopReplicaResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * StopReplica from the controller: stops hosting partitions and, when asked, deletes their data
 * (topic deletion). From v3 each partition has its own delete flag; v0-v2 have one for the whole
 * request. Thread-safe.
 */
public final class StopReplicaHandler implements ApiHandler<StopReplicaRequest> {

    private final ReplicaManager replicaManager;
    private final BrokerEpochFence fence;

    /** {@code brokerEpoch}: this broker's current registration epoch. */
    public StopReplicaHandler(ReplicaManager replicaManager, LongSupplier brokerEpoch) {
        this.replicaManager = replicaManager;
        this.fence = new BrokerEpochFence(brokerEpoch);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.STOP_REPLICA;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, StopReplicaRequest body) {
        if (fence.isStale(body.brokerEpoch())) {
            request.sendResponse(new StopReplicaResponse().setErrorCode(Errors.STALE_BROKER_EPOCH.code()));
            return;
        }
        List<TopicPartition> delete = new ArrayList<>();
        List<TopicPartition> keep = new ArrayList<>();
        // A version fills one of the three layouts and leaves the others empty. Before v3 one
        // delete flag covers the whole request.
        List<TopicPartition> oldLayout = body.deletePartitions() ? delete : keep;
        for (StopReplicaRequest.StopReplicaPartitionV0 p : body.ungroupedPartitions()) {
            oldLayout.add(new TopicPartition(p.topicName(), p.partitionIndex()));
        }
        for (StopReplicaRequest.StopReplicaTopicV1 topic : body.topics()) {
            for (int partition : topic.partitionIndexes()) {
                oldLayout.add(new TopicPartition(topic.name(), partition));
            }
        }
        for (StopReplicaRequest.StopReplicaTopicState topic : body.topicStates()) {
            for (StopReplicaRequest.StopReplicaPartitionState p : topic.partitionStates()) {
                (p.deletePartition() ? delete : keep).add(new TopicPartition(topic.topicName(), p.partitionIndex()));
            }
        }
        int controllerEpoch = body.controllerEpoch();
        Map<TopicPartition, Errors> deleted = replicaManager.stopReplicas(controllerEpoch, delete, true);
        Map<TopicPartition, Errors> stopped = replicaManager.stopReplicas(controllerEpoch, keep, false);
        StopReplicaResponse response = new StopReplicaResponse();
        if (deleted == null || stopped == null) {
            request.sendResponse(response.setErrorCode(Errors.STALE_CONTROLLER_EPOCH.code()));
            return;
        }
        response.setErrorCode(Errors.NONE.code());
        for (Map<TopicPartition, Errors> m : List.of(deleted, stopped)) {
            m.forEach((tp, e) -> response.partitionErrors().add(new StopReplicaResponse.StopReplicaPartitionError()
                    .setTopicName(tp.topic())
                    .setPartitionIndex(tp.partition())
                    .setErrorCode(e.code())));
        }
        request.sendResponse(response);
    }
}
