package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.zk.BrokerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ControllerChannel} that records every call, for assertions. Thread-safe. */
final class RecordingChannel implements ControllerChannel {

    enum Kind { LEADER_AND_ISR, UPDATE_METADATA, STOP_REPLICA }

    /** One request as sent. */
    record Request(Kind kind, int brokerId, int controllerEpoch, List<PartitionLeaderState> states, List<Integer> brokers,
                   List<TopicPartition> partitions, boolean delete, boolean brokerWasAdded) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Set<Integer> connected = ConcurrentHashMap.newKeySet();
    final List<String> membership = new CopyOnWriteArrayList<>();
    volatile ResponseListener responseListener;

    @Override
    public void setResponseListener(ResponseListener listener) {
        this.responseListener = listener;
    }

    @Override
    public void addBroker(BrokerInfo broker) {
        connected.add(broker.id());
        membership.add("add:" + broker.id());
    }

    @Override
    public void removeBroker(int brokerId) {
        connected.remove(brokerId);
        membership.add("remove:" + brokerId);
    }

    @Override
    public void sendLeaderAndIsr(int brokerId, int controllerEpoch, List<PartitionLeaderState> states, Collection<BrokerInfo> leaders) {
        requests.add(new Request(Kind.LEADER_AND_ISR, brokerId, controllerEpoch, List.copyOf(states), ids(leaders), List.of(), false,
                connected.contains(brokerId)));
    }

    @Override
    public void sendUpdateMetadata(int brokerId, int controllerEpoch, List<PartitionLeaderState> states, Collection<BrokerInfo> liveBrokers) {
        requests.add(new Request(Kind.UPDATE_METADATA, brokerId, controllerEpoch, List.copyOf(states), ids(liveBrokers), List.of(), false,
                connected.contains(brokerId)));
    }

    @Override
    public void sendStopReplica(int brokerId, int controllerEpoch, Collection<TopicPartition> partitions, boolean deletePartitions) {
        requests.add(new Request(Kind.STOP_REPLICA, brokerId, controllerEpoch, List.of(), List.of(), List.copyOf(partitions),
                deletePartitions, connected.contains(brokerId)));
    }

    private static List<Integer> ids(Collection<BrokerInfo> brokers) {
        List<Integer> ids = new ArrayList<>();
        brokers.forEach(b -> ids.add(b.id()));
        return ids;
    }

    void clear() {
        requests.clear();
    }

    List<Request> of(Kind kind, int brokerId) {
        List<Request> result = new ArrayList<>();
        for (Request r : requests) {
            if (r.kind() == kind && r.brokerId() == brokerId) {
                result.add(r);
            }
        }
        return result;
    }

    /** The last state of the partition sent to the broker in a request of that kind. */
    Optional<PartitionLeaderState> last(Kind kind, int brokerId, TopicPartition tp) {
        PartitionLeaderState found = null;
        for (Request r : of(kind, brokerId)) {
            for (PartitionLeaderState s : r.states()) {
                if (s.topicPartition().equals(tp)) {
                    found = s;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Partitions the broker was told to stop, with or without deleting them. */
    List<TopicPartition> stopped(int brokerId, boolean delete) {
        List<TopicPartition> result = new ArrayList<>();
        for (Request r : of(Kind.STOP_REPLICA, brokerId)) {
            if (r.delete() == delete) {
                result.addAll(r.partitions());
            }
        }
        return result;
    }
}
