package io.samsa.core.server.controllerchannel;

import io.samsa.common.TopicPartition;
import io.samsa.core.controller.ControllerChannel;
import io.samsa.core.controller.PartitionLeaderState;
import io.samsa.core.server.liveness.RefusedConnectionProbe;
import io.samsa.protocol.message.LeaderAndIsrRequest;
import io.samsa.protocol.message.LeaderAndIsrResponse;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ControllerChannel} over the network: one {@link BrokerSendQueue} per live broker on the
 * inter-broker listener, requests sent in the order the controller issued them. Thread-safe.
 */
public final class ControllerChannelManager implements ControllerChannel, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ControllerChannelManager.class);

    private record Destination(BrokerSendQueue queue, long brokerEpoch, EndPoint endPoint) {
    }

    private final int controllerId;
    private final String listener;
    private final Map<Integer, Destination> destinations = new ConcurrentHashMap<>();
    private volatile ResponseListener responseListener = (brokerId, brokerEpoch, partitions) -> { };

    public ControllerChannelManager(int controllerId, String interBrokerListener) {
        this.controllerId = controllerId;
        this.listener = interBrokerListener;
    }

    @Override
    public void setResponseListener(ResponseListener listener) {
        this.responseListener = listener;
    }

    @Override
    public void addBroker(BrokerInfo broker) {
        Optional<EndPoint> ep = broker.endpoint(listener);
        if (ep.isEmpty()) {
            log.error("Broker {} has no {} listener; the controller cannot reach it", broker.id(), listener);
            return;
        }
        BrokerSendQueue queue = new BrokerSendQueue(controllerId, broker.id(), ep.get(), (request, answer) -> {
            if (request instanceof LeaderAndIsrRequest r && answer instanceof LeaderAndIsrResponse a) {
                Set<TopicPartition> offline = ControllerRequests.storageErrors(r, a);
                if (!offline.isEmpty()) {
                    responseListener.onReplicasOnOfflineDirs(broker.id(), broker.epoch(), offline);
                }
            }
        });
        Destination old = destinations.put(broker.id(), new Destination(queue, broker.epoch(), ep.get()));
        if (old != null) {
            old.queue().close();
        }
        queue.start();
    }

    @Override
    public void removeBroker(int brokerId) {
        Destination d = destinations.remove(brokerId);
        if (d != null) {
            d.queue().close();
        }
    }

    @Override
    public void sendLeaderAndIsr(int brokerId, int controllerEpoch, List<PartitionLeaderState> states, Collection<BrokerInfo> leaders) {
        Destination d = destinations.get(brokerId);
        if (d != null) {
            d.queue().enqueue(ControllerRequests.leaderAndIsr(controllerId, controllerEpoch, d.brokerEpoch(), states, leaders, listener),
                    ControllerRequests.LEADER_AND_ISR_VERSION);
        }
    }

    @Override
    public void sendUpdateMetadata(int brokerId, int controllerEpoch, List<PartitionLeaderState> states, Collection<BrokerInfo> liveBrokers) {
        Destination d = destinations.get(brokerId);
        if (d != null) {
            d.queue().enqueue(ControllerRequests.updateMetadata(controllerId, controllerEpoch, d.brokerEpoch(), states, liveBrokers),
                    ControllerRequests.UPDATE_METADATA_VERSION);
        }
    }

    @Override
    public void sendStopReplica(int brokerId, int controllerEpoch, Collection<TopicPartition> partitions, boolean deletePartitions) {
        Destination d = destinations.get(brokerId);
        if (d != null) {
            d.queue().enqueue(ControllerRequests.stopReplica(controllerId, controllerEpoch, d.brokerEpoch(), partitions, deletePartitions),
                    ControllerRequests.STOP_REPLICA_VERSION);
        }
    }

    /** The other brokers the controller talks to, for the probe that tells when one of their processes is gone. */
    public Collection<RefusedConnectionProbe.Target> probeTargets() {
        List<RefusedConnectionProbe.Target> targets = new ArrayList<>();
        destinations.forEach((id, d) -> {
            if (id != controllerId) {
                targets.add(new RefusedConnectionProbe.Target(id, d.brokerEpoch(), d.endPoint().host(), d.endPoint().port()));
            }
        });
        return targets;
    }

    @Override
    public void close() {
        for (Integer id : List.copyOf(destinations.keySet())) {
            removeBroker(id);
        }
    }
}
