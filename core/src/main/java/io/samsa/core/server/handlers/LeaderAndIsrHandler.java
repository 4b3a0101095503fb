package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.network.Request;
import io.samsa.core.replication.BrokerEndPoint;
import io.samsa.core.replication.PartitionState;
import io.samsa.core.replication.ReplicaManager;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.LeaderAndIsrRequest;
import io.samsa.protocol.message.LeaderAndIsrRequest.LeaderAndIsrPartitionState;
import io.samsa.protocol.message.LeaderAndIsrResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * LeaderAndIsr from the controller: makes this broker leader or follower of the listed
 * partitions, creating their logs as needed; followers fetch from the leaders at the addresses the
 * request names (their inter-broker listeners). Partition states are grouped by topic from v2 and
 * flat before. Thread-safe.
 */
public final class LeaderAndIsrHandler implements ApiHandler<LeaderAndIsrRequest> {

    private final ReplicaManager replicaManager;
    private final BrokerEpochFence fence;

    /** {@code brokerEpoch}: this broker's current registration epoch. */
    public LeaderAndIsrHandler(ReplicaManager replicaManager, LongSupplier brokerEpoch) {
        this.replicaManager = replicaManager;
        this.fence = new BrokerEpochFence(brokerEpoch);
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LEADER_AND_ISR;
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
    public void handle(Request request, LeaderAndIsrRequest body) {
        if (fence.isStale(body.brokerEpoch())) {
            request.sendResponse(new LeaderAndIsrResponse().setErrorCode(Errors.STALE_BROKER_EPOCH.code()));
            return;
        }
        List<PartitionState> states = new ArrayList<>();
        Map<String, Uuid> topicIds = new LinkedHashMap<>();
        // A version fills one of the two layouts and leaves the other empty.
        for (LeaderAndIsrPartitionState p : body.ungroupedPartitionStates()) {
            states.add(state(p.topicName(), Uuid.ZERO, p));
        }
        for (LeaderAndIsrRequest.LeaderAndIsrTopicState topic : body.topicStates()) {
            topicIds.put(topic.topicName(), topic.topicId());
            for (LeaderAndIsrPartitionState p : topic.partitionStates()) {
                states.add(state(topic.topicName(), topic.topicId(), p));
            }
        }
        Map<Integer, BrokerEndPoint> liveLeaders = new HashMap<>();
        for (LeaderAndIsrRequest.LeaderAndIsrLiveLeader l : body.liveLeaders()) {
            liveLeaders.put(l.brokerId(), new BrokerEndPoint(l.brokerId(), l.hostName(), l.port()));
        }
        Map<TopicPartition, Errors> result = replicaManager.becomeLeaderOrFollower(body.controllerEpoch(), states, liveLeaders);
        LeaderAndIsrResponse response = new LeaderAndIsrResponse();
        if (result == null) {
            request.sendResponse(response.setErrorCode(Errors.STALE_CONTROLLER_EPOCH.code()));
            return;
        }
        response.setErrorCode(Errors.NONE.code());
        if (request.version() >= 5) {
            Map<String, LeaderAndIsrResponse.LeaderAndIsrTopicError> byTopic = new LinkedHashMap<>();
            for (Map.Entry<TopicPartition, Errors> e : result.entrySet()) {
                LeaderAndIsrResponse.LeaderAndIsrTopicError t = byTopic.computeIfAbsent(e.getKey().topic(), n -> {
                    LeaderAndIsrResponse.LeaderAndIsrTopicError added = new LeaderAndIsrResponse.LeaderAndIsrTopicError()
                            .setTopicId(topicIds.getOrDefault(n, Uuid.ZERO));
                    response.topics().add(added);
                    return added;
                });
                t.partitionErrors().add(new LeaderAndIsrResponse.LeaderAndIsrPartitionError()
                        .setPartitionIndex(e.getKey().partition())
                        .setErrorCode(e.getValue().code()));
            }
        } else {
            for (Map.Entry<TopicPartition, Errors> e : result.entrySet()) {
                response.partitionErrors().add(new LeaderAndIsrResponse.LeaderAndIsrPartitionError()
                        .setTopicName(e.getKey().topic())
                        .setPartitionIndex(e.getKey().partition())
                        .setErrorCode(e.getValue().code()));
            }
        }
        request.sendResponse(response);
    }

    private static PartitionState state(String topic, Uuid topicId, LeaderAndIsrPartitionState p) {
        return new PartitionState(new TopicPartition(topic, p.partitionIndex()), topicId, p.controllerEpoch(), p.leader(),
                p.leaderEpoch(), p.isr(), p.partitionEpoch(), p.replicas(), p.isNew());
    }
}
