package io.samsa.core.server.controllerchannel;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.controller.PartitionLeaderState;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.EndPoint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the controller's LeaderAndIsr, UpdateMetadata and StopReplica requests from the
 * controller's domain objects, at the versions Samsa brokers serve. Stateless.
 */
final class ControllerRequests {

    static final short LEADER_AND_ISR_VERSION = 7;
    static final short UPDATE_METADATA_VERSION = 8;
    static final short STOP_REPLICA_VERSION = 4;
    private static final short PLAINTEXT_PROTOCOL_ID = 0;

    private ControllerRequests() {
    }

    static Struct leaderAndIsr(int controllerId, int controllerEpoch, long brokerEpoch, List<PartitionLeaderState> states,
                               Collection<BrokerInfo> leaders, String listener) {
        Struct req = new Struct(ApiKeys.LEADER_AND_ISR.requestSpec().root())
                .set("controller_id", controllerId)
                .set("is_kraft_controller", false)
                .set("controller_epoch", controllerEpoch)
                .set("broker_epoch", brokerEpoch)
                .set("type", (byte) 0);
        for (Map.Entry<String, List<PartitionLeaderState>> e : byTopic(states).entrySet()) {
            Struct topic = req.addElement("topic_states")
                    .set("topic_name", e.getKey())
                    .set("topic_id", topicId(e.getValue()));
            for (PartitionLeaderState s : e.getValue()) {
                partitionState(topic, s, "partition_epoch")
                        .set("is_new", s.isNew())
                        .set("leader_recovery_state", (byte) 0);
            }
        }
        for (BrokerInfo b : leaders) {
            b.endpoint(listener).ifPresent(ep -> req.addElement("live_leaders")
                    .set("broker_id", b.id())
                    .set("host_name", ep.host())
                    .set("port", ep.port()));
        }
        return req;
    }

    static Struct updateMetadata(int controllerId, int controllerEpoch, long brokerEpoch, List<PartitionLeaderState> states,
                                 Collection<BrokerInfo> liveBrokers) {
        Struct req = new Struct(ApiKeys.UPDATE_METADATA.requestSpec().root())
                .set("controller_id", controllerId)
                .set("is_kraft_controller", false)
                .set("controller_epoch", controllerEpoch)
                .set("broker_epoch", brokerEpoch);
        for (Map.Entry<String, List<PartitionLeaderState>> e : byTopic(states).entrySet()) {
            Struct topic = req.addElement("topic_states")
                    .set("topic_name", e.getKey())
                    .set("topic_id", topicId(e.getValue()));
            for (PartitionLeaderState s : e.getValue()) {
                partitionState(topic, s, "zk_version")
                        .set("offline_replicas", s.offlineReplicas());
            }
        }
        for (BrokerInfo b : liveBrokers) {
            Struct broker = req.addElement("live_brokers").set("id", b.id()).set("rack", b.rack());
            for (EndPoint ep : b.endpoints()) {
                broker.addElement("endpoints")
                        .set("port", ep.port())
                        .set("host", ep.host())
                        .set("listener", ep.listenerName())
                        .set("security_protocol", PLAINTEXT_PROTOCOL_ID);
            }
        }
        return req;
    }

    static Struct stopReplica(int controllerId, int controllerEpoch, long brokerEpoch, Collection<TopicPartition> partitions,
                              boolean delete) {
        Struct req = new Struct(ApiKeys.STOP_REPLICA.requestSpec().root())
                .set("controller_id", controllerId)
                .set("is_kraft_controller", false)
                .set("controller_epoch", controllerEpoch)
                .set("broker_epoch", brokerEpoch);
        Map<String, Struct> topics = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            Struct topic = topics.computeIfAbsent(tp.topic(), t -> req.addElement("topic_states").set("topic_name", t));
            // Kafka sends leader epoch -2 with a deletion: "delete whatever epoch you have".
            topic.addElement("partition_states")
                    .set("partition_index", tp.partition())
                    .set("leader_epoch", delete ? -2 : -1)
                    .set("delete_partition", delete);
        }
        return req;
    }

    /** The fields LeaderAndIsr and UpdateMetadata share; the state znode version has a different name in each. */
    private static Struct partitionState(Struct topic, PartitionLeaderState s, String zkVersionField) {
        return topic.addElement("partition_states")
                .set("partition_index", s.partition())
                .set("controller_epoch", s.controllerEpoch())
                .set("leader", s.leader())
                .set("leader_epoch", s.leaderEpoch())
                .set("isr", s.isr())
                .set(zkVersionField, s.zkVersion())
                .set("replicas", s.replicas());
    }

    private static Map<String, List<PartitionLeaderState>> byTopic(List<PartitionLeaderState> states) {
        Map<String, List<PartitionLeaderState>> byTopic = new LinkedHashMap<>();
        for (PartitionLeaderState s : states) {
            byTopic.computeIfAbsent(s.topic(), t -> new java.util.ArrayList<>()).add(s);
        }
        return byTopic;
    }

    private static Uuid topicId(List<PartitionLeaderState> states) {
        Uuid id = states.get(0).topicId();
        return id == null ? Uuid.ZERO : id;
    }
}
