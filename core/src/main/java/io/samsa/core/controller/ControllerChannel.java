package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.zk.BrokerInfo;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How the controller talks to brokers: the broker implements it over the inter-broker listener
 * with Kafka's LeaderAndIsr, UpdateMetadata and StopReplica requests. All methods are called from
 * the controller's event thread and must not block: queue the request per destination broker and
 * send in call order (a broker must see a LeaderAndIsr before the UpdateMetadata that follows it).
 * Requests to a broker that was removed, or fail after its removal, are dropped.
 *
 * <p>The requests carry the destination's broker epoch ({@link BrokerInfo#epoch()} of the broker
 * given to {@link #addBroker}) and the controller's own id.
 */
public interface ControllerChannel {

    /** What brokers answer that the controller must act on. Called on a sending thread: must not block. */
    interface ResponseListener {
        /**
         * Broker {@code brokerId} (registered with {@code brokerEpoch}) answered a LeaderAndIsr with
         * KAFKA_STORAGE_ERROR for these partitions: their replicas there are in a failed log dir.
         */
        void onReplicasOnOfflineDirs(int brokerId, long brokerEpoch, Set<TopicPartition> partitions);
    }

    /** Sets who hears of brokers' answers; set once, before brokers are added. */
    void setResponseListener(ResponseListener listener);

    /** A broker became live (or this broker became controller): open a connection and a send queue. */
    void addBroker(BrokerInfo broker);

    /** A broker died or the controller resigned: drop its queue and connection. */
    void removeBroker(int brokerId);

    /**
     * LeaderAndIsr: the broker becomes leader or follower for these partitions.
     *
     * @param leaders the live brokers that lead the given partitions (the request's live_leaders)
     */
    void sendLeaderAndIsr(int brokerId, int controllerEpoch, List<PartitionLeaderState> states, Collection<BrokerInfo> leaders);

    /**
     * UpdateMetadata: partition states that changed (all partitions for a broker that just
     * joined; possibly none when only the set of live brokers changed) and the complete list of live
     * brokers, which replaces the broker's current one. A state whose leader is -2 means its topic
     * is being deleted: the broker removes the partition from its metadata.
     */
    void sendUpdateMetadata(int brokerId, int controllerEpoch, List<PartitionLeaderState> states, Collection<BrokerInfo> liveBrokers);

    /**
     * StopReplica: stop fetching/serving these partitions; with {@code deletePartitions} also delete
     * their logs (topic deletion; Kafka sends leader epoch -2 for each partition then).
     */
    void sendStopReplica(int brokerId, int controllerEpoch, Collection<TopicPartition> partitions, boolean deletePartitions);
}
