package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.zk.BrokerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Collects the requests one controller event produces and sends them at its end, one request of
 * each kind per broker: LeaderAndIsr first, then UpdateMetadata, then StopReplica (Kafka's order).
 * Partition states are taken from the context when sending, so a partition changed twice in one
 * event is sent once, in its final state. Every LeaderAndIsr entry also queues an UpdateMetadata of
 * that partition to every live broker, as Kafka's controller does. Not thread-safe: event thread only.
 */
final class ControllerRequestBatch {

    private final ControllerContext context;
    /** broker → partition → isNew. */
    private final Map<Integer, Map<TopicPartition, Boolean>> leaderAndIsr = new TreeMap<>();
    /** broker → partition → explicit state, or null to take the state from the context. */
    private final Map<Integer, Map<TopicPartition, PartitionLeaderState>> updateMetadata = new TreeMap<>();
    /** broker → partition → delete. */
    private final Map<Integer, Map<TopicPartition, Boolean>> stopReplica = new TreeMap<>();

    ControllerRequestBatch(ControllerContext context) {
        this.context = context;
    }

    /** LeaderAndIsr of the partition to each of the live brokers given, plus UpdateMetadata to all live brokers. */
    void addLeaderAndIsr(Collection<Integer> brokers, TopicPartition tp, boolean isNew) {
        for (int broker : brokers) {
            if (context.isLive(broker)) {
                leaderAndIsr.computeIfAbsent(broker, b -> new LinkedHashMap<>()).merge(tp, isNew, Boolean::logicalOr);
            }
        }
        addUpdateMetadata(context.liveBrokerIds(), List.of(tp));
    }

    /** UpdateMetadata with the partitions' current states to each of the live brokers given. */
    void addUpdateMetadata(Collection<Integer> brokers, Collection<TopicPartition> partitions) {
        for (int broker : brokers) {
            if (context.isLive(broker)) {
                Map<TopicPartition, PartitionLeaderState> entries = updateMetadata.computeIfAbsent(broker, b -> new LinkedHashMap<>());
                for (TopicPartition tp : partitions) {
                    entries.putIfAbsent(tp, null);
                }
            }
        }
    }

    /** UpdateMetadata with explicit states (topic deletion's leader -2) to each of the live brokers given. */
    void addUpdateMetadataStates(Collection<Integer> brokers, Collection<PartitionLeaderState> states) {
        for (int broker : brokers) {
            if (context.isLive(broker)) {
                Map<TopicPartition, PartitionLeaderState> entries = updateMetadata.computeIfAbsent(broker, b -> new LinkedHashMap<>());
                for (PartitionLeaderState s : states) {
                    entries.put(s.topicPartition(), s);
                }
            }
        }
    }

    /** An UpdateMetadata to each live broker given even if no partition changed (the broker list did). */
    void addUpdateMetadataBrokers(Collection<Integer> brokers) {
        addUpdateMetadata(brokers, List.of());
    }

    void addStopReplica(int broker, TopicPartition tp, boolean delete) {
        if (context.isLive(broker)) {
            stopReplica.computeIfAbsent(broker, b -> new LinkedHashMap<>()).merge(tp, delete, Boolean::logicalOr);
        }
    }

    boolean isEmpty() {
        return leaderAndIsr.isEmpty() && updateMetadata.isEmpty() && stopReplica.isEmpty();
    }

    void clear() {
        leaderAndIsr.clear();
        updateMetadata.clear();
        stopReplica.clear();
    }

    /** Sends everything collected through the channel and clears the batch. */
    void sendAll(ControllerChannel channel) {
        int epoch = context.epoch();
        try {
            for (Map.Entry<Integer, Map<TopicPartition, Boolean>> e : leaderAndIsr.entrySet()) {
                List<PartitionLeaderState> states = new ArrayList<>();
                Map<Integer, BrokerInfo> leaders = new TreeMap<>();
                e.getValue().forEach((tp, isNew) -> {
                    Optional<PartitionLeaderState> s = context.leaderState(tp);
                    if (s.isPresent()) {
                        states.add(s.get().withIsNew(isNew));
                        BrokerInfo leader = context.liveBrokers().get(s.get().leader());
                        if (leader != null) {
                            leaders.put(leader.id(), leader);
                        }
                    }
                });
                if (!states.isEmpty()) {
                    channel.sendLeaderAndIsr(e.getKey(), epoch, states, List.copyOf(leaders.values()));
                }
            }
            List<BrokerInfo> live = List.copyOf(context.liveBrokers().values());
            for (Map.Entry<Integer, Map<TopicPartition, PartitionLeaderState>> e : updateMetadata.entrySet()) {
                List<PartitionLeaderState> states = new ArrayList<>();
                e.getValue().forEach((tp, explicit) -> {
                    if (explicit != null) {
                        states.add(explicit);
                    } else {
                        context.leaderState(tp).ifPresent(states::add);
                    }
                });
                channel.sendUpdateMetadata(e.getKey(), epoch, states, live);
            }
            for (Map.Entry<Integer, Map<TopicPartition, Boolean>> e : stopReplica.entrySet()) {
                List<TopicPartition> delete = new ArrayList<>();
                List<TopicPartition> keep = new ArrayList<>();
                e.getValue().forEach((tp, del) -> (del ? delete : keep).add(tp));
                if (!keep.isEmpty()) {
                    channel.sendStopReplica(e.getKey(), epoch, keep, false);
                }
                if (!delete.isEmpty()) {
                    channel.sendStopReplica(e.getKey(), epoch, delete, true);
                }
            }
        } finally {
            clear();
        }
    }
}
