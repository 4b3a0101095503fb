package io.samsa.core.controller;

import io.samsa.common.TopicPartition;
import io.samsa.core.controller.ControllerContext.PartitionPhase;
import io.samsa.zk.PartitionState;
import io.samsa.zk.PartitionStateStore;
import io.samsa.zk.SamsaZkClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves partitions between NEW, ONLINE and OFFLINE: chooses leaders and ISRs, writes them to the
 * partitions' state znodes with fenced writes (a deposed controller's writes fail with
 * {@link io.samsa.zk.ControllerMovedException}), updates the context and queues the LeaderAndIsr and
 * UpdateMetadata requests that tell brokers. Not thread-safe: event thread only.
 */
final class PartitionStateMachine {

    private static final Logger log = LoggerFactory.getLogger(PartitionStateMachine.class);
    /** A partition leader may rewrite the ISR between our read and our write; re-read and retry this often. */
    private static final int MAX_WRITE_ATTEMPTS = 10;
    private static final String UNCLEAN_LEADER_ELECTION_ENABLE = "unclean.leader.election.enable";

    private final ControllerContext context;
    private final SamsaZkClient zk;
    private final ControllerConfig config;
    /** Told of each leader elected from outside the ISR (Kafka's UncleanLeaderElectionsPerSec). */
    private final Runnable onUncleanElection;

    PartitionStateMachine(ControllerContext context, SamsaZkClient zk, ControllerConfig config, Runnable onUncleanElection) {
        this.context = context;
        this.onUncleanElection = onUncleanElection;
        this.zk = zk;
        this.config = config;
    }

    /**
     * Gives every NEW or OFFLINE partition (of topics not being deleted) a leader if it can have one:
     * new partitions get their first leader and ISR, offline ones a leader from their live ISR.
     */
    void triggerOnlineStateChange(ControllerRequestBatch batch) {
        initializeNew(context.partitionsIn(EnumSet.of(PartitionPhase.NEW)), batch);
        electOffline(context.partitionsIn(EnumSet.of(PartitionPhase.OFFLINE)), batch);
    }

    /**
     * NEW → ONLINE: the first live replica leads and the live replicas form the ISR. Partitions
     * with no live replica stay NEW until one comes back.
     */
    void initializeNew(Collection<TopicPartition> partitions, ControllerRequestBatch batch) {
        Map<TopicPartition, PartitionState> initial = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            Optional<LeaderElection.Result> result = LeaderElection.initial(context.replicas(tp), context::canLead);
            if (result.isEmpty()) {
                log.warn("Partition {} has no live replica among {}; it gets a leader when one comes back", tp, context.replicas(tp));
                continue;
            }
            initial.put(tp, PartitionState.initial(result.get().leader(), result.get().isr(), context.epoch()));
        }
        if (initial.isEmpty()) {
            return;
        }
        Map<TopicPartition, PartitionStateStore.WriteResult> results = zk.partitionStates().createFenced(initial, context.epochZkVersion());
        List<TopicPartition> existing = new ArrayList<>();
        results.forEach((tp, r) -> {
            switch (r.outcome()) {
                case OK -> {
                    context.putState(tp, initial.get(tp).withZkVersion(r.zkVersion()));
                    context.setPhase(tp, PartitionPhase.ONLINE);
                    batch.addLeaderAndIsr(context.replicas(tp), tp, true);
                }
                case NODE_EXISTS -> existing.add(tp);
                default -> log.warn("Could not create the state of partition {} ({}): its topic is gone", tp, r.outcome());
            }
        });
        if (!existing.isEmpty()) {
            // Written by an earlier controller that failed before telling anyone: adopt it.
            zk.partitionStates().getAll(existing).forEach((tp, state) -> {
                context.putState(tp, state);
                context.setPhase(tp, context.canLead(state.leader()) ? PartitionPhase.ONLINE : PartitionPhase.OFFLINE);
                batch.addLeaderAndIsr(context.replicas(tp), tp, false);
            });
        }
    }

    /** OFFLINE → ONLINE where some live ISR member (or, if enabled, any live replica) can lead. */
    void electOffline(Collection<TopicPartition> partitions, ControllerRequestBatch batch) {
        Map<TopicPartition, PartitionState> written = update(partitions, current -> LeaderElection
                .offline(context.replicas(current.tp), current.state.isr(), canLead(current.tp), canLead(current.tp),
                        () -> uncleanAllowed(current.tp.topic()))
                .map(r -> current.state.newLeaderAndIsr(r.leader(), r.isr(), context.epoch())));
        announce(written, batch);
        for (TopicPartition tp : partitions) {
            if (!written.containsKey(tp) && context.phase(tp) == PartitionPhase.OFFLINE) {
                log.info("Partition {} stays offline: no live in-sync replica among {} (ISR {})", tp, context.replicas(tp),
                        context.state(tp).map(PartitionState::isr).orElse(List.of()));
            }
        }
    }

    /**
     * Moves leadership of the partitions away from brokers in controlled shutdown, to the first
     * other live ISR member; partitions without one keep their leader.
     */
    void electAwayFromShuttingDown(Collection<TopicPartition> partitions, ControllerRequestBatch batch) {
        Map<TopicPartition, PartitionState> written = update(partitions, current -> LeaderElection
                .controlledShutdown(context.replicas(current.tp), current.state.isr(), canLead(current.tp), context.shuttingDownBrokers())
                .map(r -> current.state.newLeaderAndIsr(r.leader(), r.isr(), context.epoch())));
        written.forEach((tp, state) -> batch.addLeaderAndIsr(context.replicas(tp), tp, false));
    }

    /**
     * Elects a leader among the partition's replicas (its target replicas once a reassignment
     * completes) for a partition whose leader is leaving it or cannot lead: the first replica
     * that can lead and is in the ISR. Every replica is told.
     *
     * @return false if no replica could be elected (the partition keeps its state)
     */
    boolean electAmongReplicas(TopicPartition tp, ControllerRequestBatch batch) {
        Map<TopicPartition, PartitionState> written = update(List.of(tp), current -> LeaderElection
                .reassigned(context.replicas(current.tp), current.state.isr(), canLead(current.tp))
                .map(r -> current.state.newLeaderAndIsr(r.leader(), r.isr(), context.epoch())));
        if (written.isEmpty()) {
            log.error("No leader for {} among {}: none can lead and is in the ISR {}", tp, context.replicas(tp),
                    context.state(tp).map(PartitionState::isr).orElse(List.of()));
            return false;
        }
        context.setPhase(tp, PartitionPhase.ONLINE);
        batch.addLeaderAndIsr(context.replicas(tp), tp, false);
        return true;
    }

    /**
     * Starts a new leader epoch with the same leader and ISR, so that the replicas accept the
     * LeaderAndIsr carrying a changed replica list (the caller sends it).
     *
     * @return false if the partition has no state to bump
     */
    boolean bumpLeaderEpoch(TopicPartition tp) {
        return !update(List.of(tp), current -> Optional.of(current.state.newLeaderAndIsr(current.state.leader(), current.state.isr(),
                context.epoch()))).isEmpty();
    }

    /**
     * The replicas on the given (stopped) brokers leave the ISRs of the partitions; a partition led by
     * one of them loses its leader (OFFLINE). The last ISR member always stays, so that a clean
     * election is possible when it returns. The remaining live replicas are told.
     */
    void removeReplicasFromIsr(List<Integer> brokers, Collection<TopicPartition> partitions, ControllerRequestBatch batch) {
        Map<TopicPartition, PartitionState> written = update(partitions, current -> {
            PartitionState s = current.state;
            int leader = brokers.contains(s.leader()) ? PartitionState.NO_LEADER : s.leader();
            List<Integer> isr = LeaderElection.isrWithout(s.isr(), brokers, () -> uncleanAllowed(current.tp.topic()));
            if (leader == s.leader() && isr.equals(s.isr())) {
                return Optional.empty();
            }
            return Optional.of(s.newLeaderAndIsr(leader, isr, context.epoch()));
        });
        written.forEach((tp, state) -> {
            if (state.hasLeader()) {
                List<Integer> recipients = new ArrayList<>(context.replicas(tp));
                recipients.removeAll(brokers);
                batch.addLeaderAndIsr(recipients, tp, false);
            } else {
                context.setPhase(tp, PartitionPhase.OFFLINE);
                batch.addUpdateMetadata(context.liveBrokerIds(), List.of(tp));
            }
        });
    }

    /**
     * PREFERRED elections (ElectLeaders, the leader balance check): the first assigned replica
     * leads where it is alive and in sync; the ISR stays.
     *
     * @return the partitions whose leader changed, with that leader
     */
    Map<TopicPartition, Integer> electPreferred(Collection<TopicPartition> partitions, ControllerRequestBatch batch) {
        return announce(update(partitions, current -> LeaderElection
                .preferred(context.replicas(current.tp), current.state.isr(), canLead(current.tp))
                .map(r -> current.state.newLeaderAndIsr(r.leader(), r.isr(), context.epoch()))), batch);
    }

    /**
     * UNCLEAN elections asked for by an operator (ElectLeaders): a live in-sync replica if there is
     * one, else any live replica whatever the unclean election settings (its log may lack
     * acknowledged records: the operator chose availability).
     *
     * @return the partitions whose leader changed, with that leader
     */
    Map<TopicPartition, Integer> electUnclean(Collection<TopicPartition> partitions, ControllerRequestBatch batch) {
        return announce(update(partitions, current -> LeaderElection
                .offline(context.replicas(current.tp), current.state.isr(), canLead(current.tp), canLead(current.tp), () -> true)
                .map(r -> current.state.newLeaderAndIsr(r.leader(), r.isr(), context.epoch()))), batch);
    }

    private Map<TopicPartition, Integer> announce(Map<TopicPartition, PartitionState> written, ControllerRequestBatch batch) {
        Map<TopicPartition, Integer> leaders = new LinkedHashMap<>();
        written.forEach((tp, state) -> {
            context.setPhase(tp, PartitionPhase.ONLINE);
            batch.addLeaderAndIsr(context.replicas(tp), tp, false);
            leaders.put(tp, state.leader());
        });
        return leaders;
    }

    /** Which replicas of the partition can lead: live, not shutting down, not in a failed log dir. */
    private IntPredicate canLead(TopicPartition tp) {
        return broker -> context.canLead(broker, tp);
    }

    /**
     * {@code unclean.leader.election.enable} for the topic: its own setting in ZooKeeper if it has
     * one, else the broker's. Read only when a partition has no in-sync replica to elect, so a
     * change applies at the next election without a watch.
     */
    private boolean uncleanAllowed(String topic) {
        String override = zk.configs().topicConfig(topic).get(UNCLEAN_LEADER_ELECTION_ENABLE);
        return override != null ? Boolean.parseBoolean(override.trim()) : config.uncleanLeaderElectionEnable();
    }

    /** A new leader that was not in the ISR: it may lack acknowledged records. */
    private static boolean isUnclean(PartitionState before, PartitionState after) {
        return after.hasLeader() && after.leader() != before.leader() && !before.isr().contains(after.leader());
    }

    /** A partition and its state as the controller last knew it. */
    private record Current(TopicPartition tp, PartitionState state) {
    }

    /**
     * Computes and writes new states for the partitions that have one; on a version conflict (the
     * leader rewrote its ISR meanwhile) re-reads the state and computes again. Returns the states
     * written, which are also in the context.
     */
    private Map<TopicPartition, PartitionState> update(Collection<TopicPartition> partitions,
                                                       Function<Current, Optional<PartitionState>> change) {
        Map<TopicPartition, PartitionState> written = new LinkedHashMap<>();
        List<TopicPartition> pending = new ArrayList<>(partitions);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_WRITE_ATTEMPTS) {
                log.error("Gave up updating the state of partitions {} after {} version conflicts", pending, MAX_WRITE_ATTEMPTS);
                break;
            }
            Map<TopicPartition, PartitionState> proposed = new LinkedHashMap<>();
            for (TopicPartition tp : pending) {
                context.state(tp).flatMap(s -> change.apply(new Current(tp, s))).ifPresent(s -> proposed.put(tp, s));
            }
            if (proposed.isEmpty()) {
                break;
            }
            List<TopicPartition> conflicts = new ArrayList<>();
            zk.partitionStates().updateFenced(proposed, context.epochZkVersion()).forEach((tp, r) -> {
                switch (r.outcome()) {
                    case OK -> {
                        PartitionState s = proposed.get(tp).withZkVersion(r.zkVersion());
                        context.state(tp).filter(before -> isUnclean(before, s)).ifPresent(before -> onUncleanElection.run());
                        context.putState(tp, s);
                        written.put(tp, s);
                    }
                    case BAD_VERSION -> conflicts.add(tp);
                    default -> log.warn("Could not update the state of partition {} ({})", tp, r.outcome());
                }
            });
            if (!conflicts.isEmpty()) {
                log.info("State of partitions {} changed under the controller; re-reading", conflicts);
                zk.partitionStates().getAll(conflicts).forEach(context::putState);
            }
            pending = conflicts;
        }
        return written;
    }
}
