package io.samsa.core.controller;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.zk.ControllerMovedException;
import io.samsa.zk.PartitionState;
import io.samsa.zk.ReassignPartitionsZNode;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.TopicAssignment;
import io.samsa.zk.Versioned;
import io.samsa.zk.ZkWatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partition reassignment as Kafka 3.9's ZooKeeper-mode controller does it (KIP-455). With ORS the
 * original replicas and TRS the target ones, a reassignment first records every replica involved,
 * RS = TRS + ORS, with the adding (TRS - ORS) and removing (ORS - TRS) replicas in the topic's
 * znode, so that a new controller can take it over; it then starts a new leader epoch and sends
 * LeaderAndIsr with RS to every replica, which starts the new ones as followers. Once every target
 * replica is in the ISR (the leader adds them through AlterPartition), a target replica takes over
 * the leadership if the leader is leaving or cannot lead (else the epoch is bumped again), the
 * removing replicas leave the ISR and are stopped and deleted, the znode gets TRS alone, and the
 * partition leaves the legacy {@code /admin/reassign_partitions} request if it came from there.
 * A new request for a partition being reassigned replaces the target (starting again from ORS);
 * a cancellation reassigns to ORS.
 *
 * <p>Not thread-safe: controller event thread only.
 */
final class ReassignmentManager {

    private static final Logger log = LoggerFactory.getLogger(ReassignmentManager.class);
    /** CreatePartitions may rewrite the topic's znode between our read and our write; re-read this often. */
    private static final int MAX_WRITE_ATTEMPTS = 10;

    private final ControllerContext context;
    private final SamsaZkClient zk;
    private final PartitionStateMachine partitions;
    private final Consumer<String> onPartitionReassigned;

    /**
     * @param onPartitionReassigned told the topic of each partition whose reassignment completed
     *     (a deletion of the topic may have been waiting for it)
     */
    ReassignmentManager(ControllerContext context, SamsaZkClient zk, PartitionStateMachine partitions,
                        Consumer<String> onPartitionReassigned) {
        this.context = context;
        this.zk = zk;
        this.partitions = partitions;
        this.onPartitionReassigned = onPartitionReassigned;
    }

    // ------------------------------------------------------------------ requests

    /**
     * AlterPartitionReassignments: for each partition, target replicas to move it to, or empty to
     * cancel its reassignment. Answers each partition in request order: NONE once begun,
     * INVALID_REPLICA_ASSIGNMENT for an empty list, duplicates, negative ids or added replicas on
     * brokers that are not live, NO_REASSIGNMENT_IN_PROGRESS for cancelling nothing,
     * UNKNOWN_TOPIC_OR_PARTITION for a partition that does not exist or whose topic is being
     * deleted. The partitions leave the legacy znode's request: the latest request wins.
     */
    Map<TopicPartition, ReassignmentResult> alter(Map<TopicPartition, Optional<List<Integer>>> requested,
                                                  ControllerRequestBatch batch) {
        Map<TopicPartition, ReassignmentResult> results = new LinkedHashMap<>();
        Map<TopicPartition, ReplicaAssignment> toStart = new LinkedHashMap<>();
        requested.forEach((tp, target) -> {
            ReassignmentResult invalid = target.map(t -> validateTarget(t).orElseGet(() -> validateLive(tp, t))).orElse(null);
            if (invalid != null) {
                results.put(tp, invalid);
                return;
            }
            Optional<ReplicaAssignment> reassignment = build(tp, target);
            if (reassignment.isPresent()) {
                toStart.put(tp, reassignment.get());
            } else {
                results.put(tp, new ReassignmentResult(Errors.NO_REASSIGNMENT_IN_PROGRESS, "No partition reassignment is in progress."));
            }
        });
        if (!toStart.isEmpty()) {
            removeFromZkRequest((tp, replicas) -> toStart.containsKey(tp));
        }
        results.putAll(start(toStart, batch));
        Map<TopicPartition, ReassignmentResult> ordered = new LinkedHashMap<>();
        requested.keySet().forEach(tp -> ordered.put(tp, results.get(tp)));
        return ordered;
    }

    /** ListPartitionReassignments: the given partitions' reassignments in progress, or all of them. */
    SortedMap<TopicPartition, ReplicaAssignment> list(Optional<Set<TopicPartition>> wanted) {
        SortedMap<TopicPartition, ReplicaAssignment> result = new TreeMap<>();
        for (TopicPartition tp : wanted.orElse(context.partitionsBeingReassigned())) {
            if (context.isBeingReassigned(tp)) {
                result.put(tp, context.fullAssignment(tp));
            }
        }
        return result;
    }

    /**
     * Reads the legacy {@code /admin/reassign_partitions} request (re-arming {@code watch}) and
     * begins what it asks that is not already under way. Partitions that cannot be reassigned are
     * dropped from it. Unlike the API, the legacy request never checked that brokers are live (a
     * move to a dead broker waits for it), but an empty or duplicated list is dropped too, since
     * carrying it out would leave the partition with no replica or a corrupt assignment.
     *
     * @return the partitions whose reassignment this began
     */
    Set<TopicPartition> onZkRequest(ZkWatch watch, ControllerRequestBatch batch) {
        Optional<Map<TopicPartition, List<Integer>>> request = zk.reassignments().get(watch);
        if (request.isEmpty()) {
            return Set.of();
        }
        Map<TopicPartition, ReassignmentResult> results = new LinkedHashMap<>();
        Map<TopicPartition, ReplicaAssignment> toStart = new LinkedHashMap<>();
        request.get().forEach((tp, target) -> {
            ReplicaAssignment current = context.fullAssignment(tp);
            if (current.isBeingReassigned() && current.targetReplicas().equals(target)) {
                // Under way already: the controller's own rewrite of the request, or resumed after a failover.
                return;
            }
            Optional<ReassignmentResult> invalid = validateTarget(target);
            if (invalid.isPresent()) {
                results.put(tp, invalid.get());
            } else {
                toStart.put(tp, current.reassignTo(target));
            }
        });
        results.putAll(start(toStart, batch));
        Set<TopicPartition> started = new TreeSet<>();
        Map<TopicPartition, ReassignmentResult> failed = new LinkedHashMap<>();
        results.forEach((tp, r) -> {
            if (r.error() == Errors.NONE) {
                started.add(tp);
            } else {
                failed.put(tp, r);
            }
        });
        if (!failed.isEmpty()) {
            log.warn("Dropping partitions from the reassignment request in {}: {}", ReassignPartitionsZNode.PATH, failed);
            removeFromZkRequest((tp, replicas) -> failed.containsKey(tp));
        }
        return started;
    }

    // ------------------------------------------------------------------ progress

    /**
     * After a failover: begins what the legacy request asks, then carries on with every other
     * reassignment recorded in the topics' znodes.
     */
    void initialize(ZkWatch watch, ControllerRequestBatch batch) {
        Set<TopicPartition> fromRequest = onZkRequest(watch, batch);
        resume((tp, reassignment) -> !fromRequest.contains(tp), batch);
    }

    /** Carries on with the reassignments of which {@code shouldResume} approves (a target replica's broker came back). */
    void resume(BiPredicate<TopicPartition, ReplicaAssignment> shouldResume, ControllerRequestBatch batch) {
        for (TopicPartition tp : new ArrayList<>(context.partitionsBeingReassigned())) {
            ReplicaAssignment reassignment = context.fullAssignment(tp);
            if (shouldResume.test(tp, reassignment)) {
                try {
                    onPartitionReassignment(tp, reassignment, batch);
                } catch (ControllerMovedException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.error("Could not resume the reassignment of {} ({})", tp, reassignment, e);
                }
            }
        }
    }

    /**
     * The ISRs of these partitions changed: completes the reassignments whose target replicas are
     * all in the ISR now.
     */
    void maybeComplete(Collection<TopicPartition> changed, ControllerRequestBatch batch) {
        for (TopicPartition tp : changed) {
            if (!context.isBeingReassigned(tp)) {
                continue;
            }
            ReplicaAssignment reassignment = context.fullAssignment(tp);
            if (isComplete(tp, reassignment)) {
                log.info("Target replicas {} of {} have caught up with the leader", reassignment.targetReplicas(), tp);
                onPartitionReassignment(tp, reassignment, batch);
            }
        }
    }

    // ------------------------------------------------------------------ the state machine

    /** Begins the reassignments that passed validation; a partition that cannot be reassigned gets its error. */
    private Map<TopicPartition, ReassignmentResult> start(Map<TopicPartition, ReplicaAssignment> reassignments,
                                                          ControllerRequestBatch batch) {
        Map<TopicPartition, ReassignmentResult> results = new LinkedHashMap<>();
        reassignments.forEach((tp, reassignment) -> {
            if (context.isMarkedForDeletion(tp.topic()) || context.replicas(tp).isEmpty()) {
                results.put(tp, new ReassignmentResult(Errors.UNKNOWN_TOPIC_OR_PARTITION, "The partition does not exist."));
                return;
            }
            if (context.state(tp).isEmpty()) {
                // Never had a leader: no epoch to start the replicas with (Kafka fails the same way,
                // after having recorded the reassignment; nothing is recorded here).
                log.error("Cannot reassign {}: it has never had a leader", tp);
                results.put(tp, new ReassignmentResult(Errors.UNKNOWN_SERVER_ERROR, null));
                return;
            }
            try {
                onPartitionReassignment(tp, reassignment, batch);
                results.put(tp, ReassignmentResult.ACCEPTED);
            } catch (ControllerMovedException e) {
                throw e;
            } catch (RuntimeException e) {
                log.error("Could not reassign {} to {}", tp, reassignment.targetReplicas(), e);
                results.put(tp, new ReassignmentResult(Errors.UNKNOWN_SERVER_ERROR, null));
            }
        });
        return results;
    }

    /**
     * One step of a reassignment, whatever triggered it: records it, then either (target replicas
     * not all in sync yet) starts a leader epoch that every replica learns RS from, the new ones
     * included, or (all in sync) completes it.
     */
    private void onPartitionReassignment(TopicPartition tp, ReplicaAssignment reassignment, ControllerRequestBatch batch) {
        record(tp, reassignment, batch);
        if (!isComplete(tp, reassignment)) {
            if (partitions.bumpLeaderEpoch(tp)) {
                batch.addLeaderAndIsr(reassignment.originReplicas(), tp, false);
                batch.addLeaderAndIsr(reassignment.addingReplicas(), tp, true);
                log.info("Reassigning {} to {}: replicas {}, adding {}, removing {}", tp, reassignment.targetReplicas(),
                        reassignment.replicas(), reassignment.addingReplicas(), reassignment.removingReplicas());
            } else {
                log.error("Could not start a new leader epoch for {} being reassigned to {}", tp, reassignment.targetReplicas());
            }
        } else {
            complete(tp, reassignment, batch);
        }
    }

    /**
     * Writes the reassignment to the topic's znode first (ZooKeeper is where a new controller
     * finds it), then to the context. Replicas that a replaced or cancelled reassignment was
     * adding and the new one does not want are stopped and deleted at once.
     */
    private void record(TopicPartition tp, ReplicaAssignment reassignment, ControllerRequestBatch batch) {
        ReplicaAssignment current = context.fullAssignment(tp);
        if (current.equals(reassignment)) {
            return;
        }
        writeAssignment(tp, reassignment);
        context.putFullAssignment(tp, reassignment);
        List<Integer> unneeded = new ArrayList<>(current.replicas());
        unneeded.removeAll(reassignment.replicas());
        if (!unneeded.isEmpty()) {
            log.info("Replicas {} of {} are no longer wanted by its reassignment", unneeded, tp);
            stopAndDelete(tp, unneeded, batch);
            if (context.phase(tp) == ControllerContext.PartitionPhase.OFFLINE) {
                // The leader was one of them (a replica being added can be elected when the leader
                // fails). Kafka leaves the partition leaderless until the next broker change; an
                // in-sync replica that stays can lead now.
                partitions.electOffline(List.of(tp), batch);
            }
        }
    }

    /**
     * The target replicas are in sync: RS becomes TRS; the leader moves to a target replica if it
     * is leaving or cannot lead (else a new epoch tells the replicas RS shrank); the removing
     * replicas leave the ISR, stop and delete their logs; the znode gets TRS (last, as it is the
     * only durable record of ORS until then); every broker learns the final state.
     */
    private void complete(TopicPartition tp, ReplicaAssignment reassignment, ControllerRequestBatch batch) {
        List<Integer> target = reassignment.targetReplicas();
        ReplicaAssignment done = ReplicaAssignment.of(target);
        context.putFullAssignment(tp, done);
        int leader = context.state(tp).map(PartitionState::leader).orElse(PartitionState.NO_LEADER);
        if (target.contains(leader) && context.canLead(leader)) {
            if (partitions.bumpLeaderEpoch(tp)) {
                batch.addLeaderAndIsr(target, tp, false);
            }
        } else {
            log.info("Leader {} of {} is leaving it or cannot lead; electing one of {}", leader, tp, target);
            partitions.electAmongReplicas(tp, batch);
        }
        stopAndDelete(tp, reassignment.removingReplicas(), batch);
        writeAssignment(tp, done);
        removeFromZkRequest((p, replicas) -> p.equals(tp) && replicas.equals(target));
        batch.addUpdateMetadata(context.liveBrokerIds(), List.of(tp));
        log.info("Reassignment of {} completed: replicas {}, removed {}", tp, target, reassignment.removingReplicas());
        onPartitionReassigned.accept(tp.topic());
    }

    /**
     * Replicas leaving the partition: out of the ISR (the leader loses its leadership if it is one
     * of them), then stopped with their logs deleted. Replicas on dead brokers are only taken out
     * of the ISR.
     */
    private void stopAndDelete(TopicPartition tp, List<Integer> replicas, ControllerRequestBatch batch) {
        if (replicas.isEmpty()) {
            return;
        }
        partitions.removeReplicasFromIsr(replicas, List.of(tp), batch);
        for (int replica : replicas) {
            batch.addStopReplica(replica, tp, true);
        }
    }

    private boolean isComplete(TopicPartition tp, ReplicaAssignment reassignment) {
        if (!reassignment.isBeingReassigned()) {
            return true;
        }
        // The state in ZooKeeper is the truth; the context may lag a leader's own ISR write.
        Optional<PartitionState> state = zk.partitionStates().get(tp);
        state.ifPresent(s -> context.putState(tp, s));
        return state.map(s -> s.isr().containsAll(reassignment.targetReplicas())).orElse(false);
    }

    // ------------------------------------------------------------------ validation

    /** Kafka's checks of a requested replica list that need no cluster state. */
    private static Optional<ReassignmentResult> validateTarget(List<Integer> target) {
        if (target.isEmpty()) {
            return Optional.of(invalid("Empty replica list specified in partition reassignment."));
        }
        if (new HashSet<>(target).size() != target.size()) {
            return Optional.of(invalid("Duplicate replica ids in partition reassignment replica list: " + target));
        }
        for (int replica : target) {
            if (replica < 0) {
                return Optional.of(invalid("Invalid broker id in replica list: " + target));
            }
        }
        return Optional.empty();
    }

    /** The replicas the reassignment would add must be on live brokers not shutting down. */
    private ReassignmentResult validateLive(TopicPartition tp, List<Integer> target) {
        List<Integer> adding = context.fullAssignment(tp).reassignTo(target).addingReplicas();
        for (int replica : adding) {
            if (!context.canLead(replica)) {
                List<Integer> live = new ArrayList<>();
                context.liveBrokerIds().forEach(b -> {
                    if (context.canLead(b)) {
                        live.add(b);
                    }
                });
                return invalid("Replica assignment has brokers that are not alive. Replica list: " + adding
                        + ", live broker list: " + live);
            }
        }
        return null;
    }

    private static ReassignmentResult invalid(String message) {
        return new ReassignmentResult(Errors.INVALID_REPLICA_ASSIGNMENT, message);
    }

    /**
     * The reassignment a request asks for: a new target replaces the one in progress (from the
     * same original replicas); a cancellation (no target) reassigns to the original replicas, and
     * asks nothing when no reassignment is in progress.
     */
    private Optional<ReplicaAssignment> build(TopicPartition tp, Optional<List<Integer>> target) {
        ReplicaAssignment current = context.fullAssignment(tp);
        if (current.isBeingReassigned()) {
            return Optional.of(current.reassignTo(target.orElse(current.originReplicas())));
        }
        return target.map(current::reassignTo);
    }

    // ------------------------------------------------------------------ ZooKeeper

    /** Replaces the partition's entry in its topic's znode, keeping what others wrote there meanwhile. */
    private void writeAssignment(TopicPartition tp, ReplicaAssignment assignment) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            Versioned<TopicAssignment> current = zk.topics().get(tp.topic(), null).orElseThrow(() ->
                    new IllegalStateException("Cannot record the assignment of " + tp + ": the topic has no znode"));
            TopicAssignment updated = current.value().withPartition(tp.partition(), assignment.replicas(),
                    assignment.addingReplicas(), assignment.removingReplicas());
            if (zk.topics().setAssignmentFenced(updated, current.version(), context.epochZkVersion())) {
                return;
            }
        }
        throw new IllegalStateException("The znode of topic " + tp.topic() + " kept changing; could not record " + assignment);
    }

    /** Drops the partitions {@code remove} selects from the legacy request, deleting it when nothing is left. */
    private void removeFromZkRequest(BiPredicate<TopicPartition, List<Integer>> remove) {
        Optional<Map<TopicPartition, List<Integer>>> request = zk.reassignments().get(null);
        if (request.isEmpty()) {
            return;
        }
        Map<TopicPartition, List<Integer>> remaining = new LinkedHashMap<>();
        List<TopicPartition> removed = new ArrayList<>();
        request.get().forEach((tp, replicas) -> {
            if (remove.test(tp, replicas)) {
                removed.add(tp);
            } else {
                remaining.put(tp, replicas);
            }
        });
        if (removed.isEmpty()) {
            return;
        }
        log.info("Removing {} from the reassignment request in {}", removed, ReassignPartitionsZNode.PATH);
        if (remaining.isEmpty()) {
            zk.reassignments().deleteFenced(context.epochZkVersion());
        } else {
            zk.reassignments().setFenced(remaining, context.epochZkVersion());
        }
    }
}
