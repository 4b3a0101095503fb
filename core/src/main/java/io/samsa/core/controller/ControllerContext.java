package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.PartitionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The controller's view of the cluster: live brokers, topics and their ids, replica assignments,
 * partition leader/ISR states and where each partition is in its life cycle. Loaded from ZooKeeper
 * when the broker becomes controller and kept current by the controller's events.
 *
 * <p><b>Not thread-safe: owned by the controller event thread.</b> Other threads read it only through
 * {@link Controller#query}, which runs on that thread; the getters return read-only views, so copy
 * what you keep.
 */
public final class ControllerContext {

    /** Where a partition is in its life cycle, as far as leadership goes. */
    public enum PartitionPhase {
        /** Assigned but never had a leader (no state znode yet). */
        NEW,
        /** Has a live leader. */
        ONLINE,
        /** Has a state but no live leader. */
        OFFLINE
    }

    private int epoch = -1;
    private int epochZkVersion = -1;
    private final SortedMap<Integer, BrokerInfo> liveBrokers = new TreeMap<>();
    private final Set<Integer> shuttingDownBrokers = new TreeSet<>();
    /** Replicas each live broker reported in a failed log dir (KAFKA_STORAGE_ERROR), until it registers again. */
    private final Map<Integer, Set<TopicPartition>> replicasOnOfflineDirs = new HashMap<>();
    private final SortedMap<String, Uuid> topicIds = new TreeMap<>();
    private final Map<String, SortedMap<Integer, List<Integer>>> assignments = new HashMap<>();
    /** The partitions being reassigned, with their adding and removing replicas; their replicas are in {@link #assignments} too. */
    private final SortedMap<TopicPartition, ReplicaAssignment> reassignments = new TreeMap<>();
    /** Topics marked for deletion whose deletion waits until their reassignments complete. */
    private final Set<String> deletionsAwaitingReassignment = new TreeSet<>();
    private final Map<TopicPartition, PartitionState> states = new HashMap<>();
    private final Map<TopicPartition, PartitionPhase> phases = new HashMap<>();
    private final Set<String> topicsToDelete = new TreeSet<>();

    ControllerContext() {
    }

    // ------------------------------------------------------------------ reads

    /** The controller epoch, -1 when this broker is not controller. */
    public int epoch() {
        return epoch;
    }

    int epochZkVersion() {
        return epochZkVersion;
    }

    public SortedMap<Integer, BrokerInfo> liveBrokers() {
        return Collections.unmodifiableSortedMap(liveBrokers);
    }

    public Set<Integer> liveBrokerIds() {
        return Collections.unmodifiableSet(liveBrokers.keySet());
    }

    public boolean isLive(int brokerId) {
        return liveBrokers.containsKey(brokerId);
    }

    /** Live and not in controlled shutdown: may be elected leader. */
    public boolean canLead(int brokerId) {
        return liveBrokers.containsKey(brokerId) && !shuttingDownBrokers.contains(brokerId);
    }

    /** The broker can lead this partition: it can lead at all and its replica is not in a failed log dir. */
    public boolean canLead(int brokerId, TopicPartition tp) {
        return canLead(brokerId) && !isOnOfflineDir(brokerId, tp);
    }

    public boolean isOnOfflineDir(int brokerId, TopicPartition tp) {
        Set<TopicPartition> offline = replicasOnOfflineDirs.get(brokerId);
        return offline != null && offline.contains(tp);
    }

    public Set<Integer> shuttingDownBrokers() {
        return Collections.unmodifiableSet(shuttingDownBrokers);
    }

    public Set<String> topics() {
        return Collections.unmodifiableSet(topicIds.keySet());
    }

    /** Partitions that had a leader and have no live one now, topics queued for deletion aside (Kafka's OfflinePartitionsCount). */
    public int offlinePartitionCount() {
        int n = 0;
        for (Map.Entry<TopicPartition, PartitionPhase> e : phases.entrySet()) {
            if (e.getValue() == PartitionPhase.OFFLINE && !topicsToDelete.contains(e.getKey().topic())) {
                n++;
            }
        }
        return n;
    }

    /** Partitions with a leadership state (Kafka's GlobalPartitionCount). */
    public int partitionsWithStateCount() {
        return states.size();
    }

    public boolean hasTopic(String topic) {
        return topicIds.containsKey(topic);
    }

    public Uuid topicId(String topic) {
        return topicIds.getOrDefault(topic, Uuid.ZERO);
    }

    /** Partition → replicas of a topic; empty if unknown. */
    public SortedMap<Integer, List<Integer>> assignment(String topic) {
        SortedMap<Integer, List<Integer>> a = assignments.get(topic);
        return a == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(a);
    }

    public List<Integer> replicas(TopicPartition tp) {
        SortedMap<Integer, List<Integer>> a = assignments.get(tp.topic());
        List<Integer> replicas = a == null ? null : a.get(tp.partition());
        return replicas == null ? List.of() : replicas;
    }

    /** The partition's replicas with the adding and removing ones of a reassignment in progress. */
    public ReplicaAssignment fullAssignment(TopicPartition tp) {
        ReplicaAssignment reassigning = reassignments.get(tp);
        return reassigning != null ? reassigning : ReplicaAssignment.of(replicas(tp));
    }

    public boolean isBeingReassigned(TopicPartition tp) {
        return reassignments.containsKey(tp);
    }

    /** Whether any partition of the topic is being reassigned. */
    public boolean isBeingReassigned(String topic) {
        for (TopicPartition tp : reassignments.keySet()) {
            if (tp.topic().equals(topic)) {
                return true;
            }
        }
        return false;
    }

    /** The partitions being reassigned, in order. */
    public Set<TopicPartition> partitionsBeingReassigned() {
        return Collections.unmodifiableSet(reassignments.keySet());
    }

    public List<TopicPartition> partitions(String topic) {
        List<TopicPartition> result = new ArrayList<>();
        for (int p : assignment(topic).keySet()) {
            result.add(new TopicPartition(topic, p));
        }
        return result;
    }

    public List<TopicPartition> allPartitions() {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : topicIds.keySet()) {
            result.addAll(partitions(topic));
        }
        return result;
    }

    public Optional<PartitionState> state(TopicPartition tp) {
        return Optional.ofNullable(states.get(tp));
    }

    public PartitionPhase phase(TopicPartition tp) {
        return phases.get(tp);
    }

    public boolean isQueuedForDeletion(String topic) {
        return topicsToDelete.contains(topic);
    }

    /** Queued for deletion, or marked and waiting for its reassignments to complete first. */
    public boolean isMarkedForDeletion(String topic) {
        return topicsToDelete.contains(topic) || deletionsAwaitingReassignment.contains(topic);
    }

    public Set<String> topicsToDelete() {
        return Collections.unmodifiableSet(topicsToDelete);
    }

    /** Partitions whose current leader is the broker. */
    public List<TopicPartition> partitionsLedBy(int brokerId) {
        List<TopicPartition> result = new ArrayList<>();
        states.forEach((tp, s) -> {
            if (s.leader() == brokerId) {
                result.add(tp);
            }
        });
        result.sort(null);
        return result;
    }

    /** Partitions with a replica on one of the brokers. */
    public List<TopicPartition> partitionsOn(Set<Integer> brokerIds) {
        List<TopicPartition> result = new ArrayList<>();
        for (TopicPartition tp : allPartitions()) {
            for (int r : replicas(tp)) {
                if (brokerIds.contains(r)) {
                    result.add(tp);
                    break;
                }
            }
        }
        return result;
    }

    /** Partitions in one of the phases, excluding topics queued for deletion. */
    List<TopicPartition> partitionsIn(Set<PartitionPhase> wanted) {
        List<TopicPartition> result = new ArrayList<>();
        for (TopicPartition tp : allPartitions()) {
            if (wanted.contains(phases.get(tp)) && !topicsToDelete.contains(tp.topic())) {
                result.add(tp);
            }
        }
        return result;
    }

    /**
     * The state to send to brokers, or empty while the partition has no state (NEW).
     */
    public Optional<PartitionLeaderState> leaderState(TopicPartition tp) {
        PartitionState s = states.get(tp);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(toLeaderState(tp, s, s.leader()));
    }

    /** The state with leader -2, announcing that the partition's topic is being deleted. */
    PartitionLeaderState deletionState(TopicPartition tp) {
        PartitionState s = states.get(tp);
        if (s == null) {
            s = PartitionState.initial(PartitionState.LEADER_DURING_DELETE, List.of(), epoch);
        }
        return toLeaderState(tp, s, PartitionState.LEADER_DURING_DELETE);
    }

    private PartitionLeaderState toLeaderState(TopicPartition tp, PartitionState s, int leader) {
        List<Integer> replicas = replicas(tp);
        List<Integer> offline = new ArrayList<>();
        for (int r : replicas) {
            if (!liveBrokers.containsKey(r) || isOnOfflineDir(r, tp)) {
                offline.add(r);
            }
        }
        ReplicaAssignment full = fullAssignment(tp);
        return new PartitionLeaderState(tp.topic(), topicId(tp.topic()), tp.partition(), s.controllerEpoch(), leader,
                s.leaderEpoch(), s.isr(), s.zkVersion(), replicas, full.addingReplicas(), full.removingReplicas(), offline, false);
    }

    // ------------------------------------------------------------------ writes (event thread)

    void reset(int newEpoch, int newEpochZkVersion) {
        clear();
        epoch = newEpoch;
        epochZkVersion = newEpochZkVersion;
    }

    void clear() {
        epoch = -1;
        epochZkVersion = -1;
        liveBrokers.clear();
        shuttingDownBrokers.clear();
        replicasOnOfflineDirs.clear();
        topicIds.clear();
        assignments.clear();
        reassignments.clear();
        deletionsAwaitingReassignment.clear();
        states.clear();
        phases.clear();
        topicsToDelete.clear();
    }

    void addLiveBroker(BrokerInfo broker) {
        liveBrokers.put(broker.id(), broker);
    }

    /** A broker that stops forgets its failed log dirs: a restarted broker loads them again. */
    void removeLiveBroker(int brokerId) {
        liveBrokers.remove(brokerId);
        shuttingDownBrokers.remove(brokerId);
        replicasOnOfflineDirs.remove(brokerId);
    }

    /** Records replicas the broker reported in failed log dirs; returns those not known before. */
    Set<TopicPartition> addReplicasOnOfflineDirs(int brokerId, Collection<TopicPartition> partitions) {
        Set<TopicPartition> known = replicasOnOfflineDirs.computeIfAbsent(brokerId, b -> new TreeSet<>());
        Set<TopicPartition> added = new TreeSet<>();
        for (TopicPartition tp : partitions) {
            if (known.add(tp)) {
                added.add(tp);
            }
        }
        return added;
    }

    void markShuttingDown(int brokerId) {
        shuttingDownBrokers.add(brokerId);
    }

    void putTopic(String topic, Uuid id) {
        topicIds.put(topic, id);
        assignments.computeIfAbsent(topic, t -> new TreeMap<>());
    }

    /** Adds or replaces a partition's replicas; a partition seen for the first time starts NEW. */
    void putAssignment(TopicPartition tp, List<Integer> replicas) {
        putFullAssignment(tp, ReplicaAssignment.of(replicas));
    }

    /** As {@link #putAssignment}, recording the reassignment the assignment carries, or that none is in progress. */
    void putFullAssignment(TopicPartition tp, ReplicaAssignment assignment) {
        assignments.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), assignment.replicas());
        if (assignment.isBeingReassigned()) {
            reassignments.put(tp, assignment);
        } else {
            reassignments.remove(tp);
        }
        phases.putIfAbsent(tp, PartitionPhase.NEW);
    }

    void putState(TopicPartition tp, PartitionState state) {
        states.put(tp, state);
    }

    void setPhase(TopicPartition tp, PartitionPhase phase) {
        phases.put(tp, phase);
    }

    void queueForDeletion(String topic) {
        topicsToDelete.add(topic);
        deletionsAwaitingReassignment.remove(topic);
    }

    void deferDeletionUntilReassigned(String topic) {
        deletionsAwaitingReassignment.add(topic);
    }

    void removeTopic(String topic) {
        for (TopicPartition tp : partitions(topic)) {
            states.remove(tp);
            phases.remove(tp);
            reassignments.remove(tp);
        }
        deletionsAwaitingReassignment.remove(topic);
        assignments.remove(topic);
        topicIds.remove(topic);
        topicsToDelete.remove(topic);
    }

    /** Brokers hosting a replica of any of the given partitions. */
    Set<Integer> replicaBrokers(List<TopicPartition> partitions) {
        Set<Integer> result = new LinkedHashSet<>();
        for (TopicPartition tp : partitions) {
            result.addAll(replicas(tp));
        }
        return result;
    }

    /** The live replicas of a partition, in assignment order. */
    List<Integer> liveReplicas(TopicPartition tp) {
        List<Integer> result = new ArrayList<>();
        for (int r : replicas(tp)) {
            if (liveBrokers.containsKey(r)) {
                result.add(r);
            }
        }
        return result;
    }

    /** Ids of brokers that are not live but host replicas. */
    Set<Integer> deadReplicaBrokers() {
        Set<Integer> dead = new HashSet<>();
        for (SortedMap<Integer, List<Integer>> a : assignments.values()) {
            for (List<Integer> replicas : a.values()) {
                for (int r : replicas) {
                    if (!liveBrokers.containsKey(r)) {
                        dead.add(r);
                    }
                }
            }
        }
        return dead;
    }
}
