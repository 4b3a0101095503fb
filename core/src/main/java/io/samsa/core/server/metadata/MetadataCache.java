package io.samsa.core.server.metadata;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What this broker knows of the cluster: live brokers, topics, partition leaders and the
 * controller, as published by the controller through UpdateMetadata. Readers get a consistent
 * immutable snapshot without locking; updates (from the UpdateMetadata handler) are serialized
 * and swap the snapshot. Thread-safe.
 */
public final class MetadataCache {

    /** An immutable view of the whole cluster at one moment. */
    public record Snapshot(int controllerId, int controllerEpoch, Map<Integer, BrokerNode> brokers,
                           Map<String, TopicInfo> topics, Map<Uuid, String> topicNames) {

        public Optional<TopicInfo> topic(String name) {
            return Optional.ofNullable(topics.get(name));
        }

        public Optional<PartitionInfo> partition(TopicPartition tp) {
            TopicInfo t = topics.get(tp.topic());
            return t == null ? Optional.empty() : Optional.ofNullable(t.partition(tp.partition()));
        }

        public Optional<BrokerNode> broker(int id) {
            return Optional.ofNullable(brokers.get(id));
        }
    }

    private static final Snapshot EMPTY = new Snapshot(-1, -1, Map.of(), Map.of(), Map.of());

    private volatile Snapshot snapshot = EMPTY;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private final List<Consumer<Set<TopicPartition>>> deletionListeners = new CopyOnWriteArrayList<>();

    /** Runs {@code listener} after every applied update (on the updating thread). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Tells {@code listener} the partitions each applied update deleted (those it named with
     * {@link PartitionInfo#LEADER_DURING_DELETE}), after the update, on the updating thread.
     */
    public void addDeletionListener(Consumer<Set<TopicPartition>> listener) {
        deletionListeners.add(listener);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Applies one UpdateMetadata: replaces the live brokers, and upserts the given partition
     * states (a leader of {@link PartitionInfo#LEADER_DURING_DELETE} removes the partition, and a
     * topic left with no partitions disappears). Returns false for a stale controller epoch.
     */
    public synchronized boolean update(int controllerId, int controllerEpoch, Collection<BrokerNode> liveBrokers,
                                       Map<String, Uuid> topicIds, Map<TopicPartition, PartitionInfo> states) {
        Snapshot old = snapshot;
        if (controllerEpoch < old.controllerEpoch()) {
            return false;
        }
        Map<Integer, BrokerNode> brokers = new TreeMap<>();
        for (BrokerNode b : liveBrokers) {
            brokers.put(b.id(), b);
        }
        Map<String, Map<Integer, PartitionInfo>> partitions = new HashMap<>();
        Map<String, Uuid> ids = new HashMap<>();
        for (TopicInfo t : old.topics().values()) {
            partitions.put(t.name(), new HashMap<>(t.partitions()));
            ids.put(t.name(), t.topicId());
        }
        Set<TopicPartition> deleted = new HashSet<>();
        for (Map.Entry<TopicPartition, PartitionInfo> e : states.entrySet()) {
            TopicPartition tp = e.getKey();
            if (e.getValue().leader() == PartitionInfo.LEADER_DURING_DELETE) {
                deleted.add(tp);
                Map<Integer, PartitionInfo> m = partitions.get(tp.topic());
                if (m != null) {
                    m.remove(tp.partition());
                }
            } else {
                partitions.computeIfAbsent(tp.topic(), k -> new HashMap<>()).put(tp.partition(), e.getValue());
            }
        }
        ids.putAll(topicIds);
        Map<String, TopicInfo> topics = new TreeMap<>();
        Map<Uuid, String> names = new HashMap<>();
        for (Map.Entry<String, Map<Integer, PartitionInfo>> e : partitions.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            Uuid id = ids.getOrDefault(e.getKey(), Uuid.ZERO);
            topics.put(e.getKey(), TopicInfo.of(e.getKey(), id, e.getValue()));
            if (!id.equals(Uuid.ZERO)) {
                names.put(id, e.getKey());
            }
        }
        snapshot = new Snapshot(controllerId, controllerEpoch, Collections.unmodifiableMap(brokers),
                Collections.unmodifiableMap(topics), Map.copyOf(names));
        for (Runnable l : listeners) {
            l.run();
        }
        if (!deleted.isEmpty()) {
            Set<TopicPartition> view = Collections.unmodifiableSet(deleted);
            for (Consumer<Set<TopicPartition>> l : deletionListeners) {
                l.accept(view);
            }
        }
        return true;
    }

    /** Convenience for readers. */
    public List<BrokerNode> liveBrokers() {
        return List.copyOf(snapshot.brokers().values());
    }
}
