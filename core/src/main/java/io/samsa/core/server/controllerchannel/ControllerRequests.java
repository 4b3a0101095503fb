package io.samsa.core.server.controllerchannel;

import io.samsa.common.TopicPartition;
import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.core.controller.PartitionLeaderState;
import io.samsa.protocol.message.LeaderAndIsrRequest;
import io.samsa.protocol.message.LeaderAndIsrResponse;
import io.samsa.protocol.message.StopReplicaRequest;
import io.samsa.protocol.message.UpdateMetadataRequest;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.EndPoint;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.Set;
import java.util.HashMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the controller's LeaderAndIsr, UpdateMetadata and StopReplica requests from the
 * controller's domain objects, in the layouts of the versions below, which are the ones sent
 * (writing them at an older version fails: they set fields older versions lack). Stateless.
 */
final class ControllerRequests {

    static final short LEADER_AND_ISR_VERSION = 7;
    static final short UPDATE_METADATA_VERSION = 8;
    static final short STOP_REPLICA_VERSION = 4;
    private static final short PLAINTEXT_PROTOCOL_ID = 0;

    private ControllerRequests() {
    }

    static LeaderAndIsrRequest leaderAndIsr(int controllerId, int controllerEpoch, long brokerEpoch,
                                            List<PartitionLeaderState> states, Collection<BrokerInfo> leaders, String listener) {
        LeaderAndIsrRequest req = new LeaderAndIsrRequest()
                .setControllerId(controllerId)
                .setControllerEpoch(controllerEpoch)
                .setBrokerEpoch(brokerEpoch);
        for (Map.Entry<String, List<PartitionLeaderState>> e : byTopic(states).entrySet()) {
            LeaderAndIsrRequest.LeaderAndIsrTopicState topic = new LeaderAndIsrRequest.LeaderAndIsrTopicState()
                    .setTopicName(e.getKey())
                    .setTopicId(topicId(e.getValue()));
            req.topicStates().add(topic);
            for (PartitionLeaderState s : e.getValue()) {
                topic.partitionStates().add(new LeaderAndIsrRequest.LeaderAndIsrPartitionState()
                        .setPartitionIndex(s.partition())
                        .setControllerEpoch(s.controllerEpoch())
                        .setLeader(s.leader())
                        .setLeaderEpoch(s.leaderEpoch())
                        .setIsr(s.isr())
                        .setPartitionEpoch(s.zkVersion())
                        .setReplicas(s.replicas())
                        .setAddingReplicas(s.addingReplicas())
                        .setRemovingReplicas(s.removingReplicas())
                        .setIsNew(s.isNew()));
            }
        }
        for (BrokerInfo b : leaders) {
            b.endpoint(listener).ifPresent(ep -> req.liveLeaders().add(new LeaderAndIsrRequest.LeaderAndIsrLiveLeader()
                    .setBrokerId(b.id())
                    .setHostName(ep.host())
                    .setPort(ep.port())));
        }
        return req;
    }

    static UpdateMetadataRequest updateMetadata(int controllerId, int controllerEpoch, long brokerEpoch,
                                                List<PartitionLeaderState> states, Collection<BrokerInfo> liveBrokers) {
        UpdateMetadataRequest req = new UpdateMetadataRequest()
                .setControllerId(controllerId)
                .setControllerEpoch(controllerEpoch)
                .setBrokerEpoch(brokerEpoch);
        for (Map.Entry<String, List<PartitionLeaderState>> e : byTopic(states).entrySet()) {
            UpdateMetadataRequest.UpdateMetadataTopicState topic = new UpdateMetadataRequest.UpdateMetadataTopicState()
                    .setTopicName(e.getKey())
                    .setTopicId(topicId(e.getValue()));
            req.topicStates().add(topic);
            for (PartitionLeaderState s : e.getValue()) {
                topic.partitionStates().add(new UpdateMetadataRequest.UpdateMetadataPartitionState()
                        .setPartitionIndex(s.partition())
                        .setControllerEpoch(s.controllerEpoch())
                        .setLeader(s.leader())
                        .setLeaderEpoch(s.leaderEpoch())
                        .setIsr(s.isr())
                        .setZkVersion(s.zkVersion())
                        .setReplicas(s.replicas())
                        .setOfflineReplicas(s.offlineReplicas()));
            }
        }
        for (BrokerInfo b : liveBrokers) {
            UpdateMetadataRequest.UpdateMetadataBroker broker = new UpdateMetadataRequest.UpdateMetadataBroker()
                    .setId(b.id())
                    .setRack(b.rack());
            req.liveBrokers().add(broker);
            for (EndPoint ep : b.endpoints()) {
                broker.endpoints().add(new UpdateMetadataRequest.UpdateMetadataEndpoint()
                        .setPort(ep.port())
                        .setHost(ep.host())
                        .setListener(ep.listenerName())
                        .setSecurityProtocol(PLAINTEXT_PROTOCOL_ID));
            }
        }
        return req;
    }

    static StopReplicaRequest stopReplica(int controllerId, int controllerEpoch, long brokerEpoch,
                                          Collection<TopicPartition> partitions, boolean delete) {
        StopReplicaRequest req = new StopReplicaRequest()
                .setControllerId(controllerId)
                .setControllerEpoch(controllerEpoch)
                .setBrokerEpoch(brokerEpoch);
        Map<String, StopReplicaRequest.StopReplicaTopicState> topics = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            StopReplicaRequest.StopReplicaTopicState topic = topics.computeIfAbsent(tp.topic(), t -> {
                StopReplicaRequest.StopReplicaTopicState added = new StopReplicaRequest.StopReplicaTopicState().setTopicName(t);
                req.topicStates().add(added);
                return added;
            });
            // Kafka sends leader epoch -2 with a deletion: "delete whatever epoch you have".
            topic.partitionStates().add(new StopReplicaRequest.StopReplicaPartitionState()
                    .setPartitionIndex(tp.partition())
                    .setLeaderEpoch(delete ? -2 : -1)
                    .setDeletePartition(delete));
        }
        return req;
    }

    private static Map<String, List<PartitionLeaderState>> byTopic(List<PartitionLeaderState> states) {
        Map<String, List<PartitionLeaderState>> byTopic = new LinkedHashMap<>();
        for (PartitionLeaderState s : states) {
            byTopic.computeIfAbsent(s.topic(), t -> new ArrayList<>()).add(s);
        }
        return byTopic;
    }

    private static Uuid topicId(List<PartitionLeaderState> states) {
        Uuid id = states.get(0).topicId();
        return id == null ? Uuid.ZERO : id;
    }

    /**
     * The partitions a broker's LeaderAndIsr answer reports KAFKA_STORAGE_ERROR for (replicas in a
     * failed log dir). From v5 the answer names topics by id, mapped back through the request.
     */
    static Set<TopicPartition> storageErrors(LeaderAndIsrRequest request, LeaderAndIsrResponse answer) {
        Set<TopicPartition> offline = new TreeSet<>();
        short storageError = Errors.KAFKA_STORAGE_ERROR.code();
        for (LeaderAndIsrResponse.LeaderAndIsrPartitionError e : answer.partitionErrors()) {
            if (e.errorCode() == storageError) {
                offline.add(new TopicPartition(e.topicName(), e.partitionIndex()));
            }
        }
        Map<Uuid, String> names = new HashMap<>();
        for (LeaderAndIsrRequest.LeaderAndIsrTopicState t : request.topicStates()) {
            names.put(t.topicId(), t.topicName());
        }
        for (LeaderAndIsrResponse.LeaderAndIsrTopicError t : answer.topics()) {
            String name = names.get(t.topicId());
            for (LeaderAndIsrResponse.LeaderAndIsrPartitionError e : t.partitionErrors()) {
                if (name != null && e.errorCode() == storageError) {
                    offline.add(new TopicPartition(name, e.partitionIndex()));
                }
            }
        }
        return offline;
    }
}
