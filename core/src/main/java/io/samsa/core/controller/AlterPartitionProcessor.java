package io.samsa.core.controller;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.PartitionState;
import io.samsa.zk.PartitionStateStore;
import io.samsa.zk.SamsaZkClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AlterPartition on the controller (KIP-497): a leader's proposed ISR is checked against what the
 * controller knows — the requester is the registered broker of that epoch and the partition's
 * leader, at the partition's current leader epoch and partition epoch, and every proposed member
 * is an assigned, live replica not shutting down — then written with a version-checked, fenced
 * update of the state znode, announced to every broker with UpdateMetadata, and answered with the
 * state written. A request repeating the state already written is answered with it. Runs on the
 * controller's event thread only.
 */
final class AlterPartitionProcessor {

    private static final Logger log = LoggerFactory.getLogger(AlterPartitionProcessor.class);

    private final ControllerContext context;
    private final SamsaZkClient zk;

    AlterPartitionProcessor(ControllerContext context, SamsaZkClient zk) {
        this.context = context;
        this.zk = zk;
    }

    /** Applies what can be applied; the requester must be checked first ({@link #checkRequester}). */
    Map<TopicPartition, IsrChangeResult> apply(int brokerId, List<IsrChange> changes, ControllerRequestBatch batch) {
        Map<TopicPartition, IsrChangeResult> results = new LinkedHashMap<>();
        Map<TopicPartition, PartitionState> toWrite = new LinkedHashMap<>();
        for (IsrChange change : changes) {
            TopicPartition tp = change.tp();
            PartitionState current = context.state(tp).orElse(null);
            Errors refusal = check(brokerId, change, current);
            if (refusal != null) {
                results.put(tp, IsrChangeResult.refused(refusal));
            } else if (current.isr().equals(change.newIsr())) {
                results.put(tp, answer(current));
            } else {
                toWrite.put(tp, new PartitionState(current.leader(), current.leaderEpoch(), change.newIsr(), context.epoch(),
                        current.leaderRecoveryState(), current.zkVersion()));
            }
        }
        if (toWrite.isEmpty()) {
            return results;
        }
        List<TopicPartition> written = new ArrayList<>();
        zk.partitionStates().updateFenced(toWrite, context.epochZkVersion()).forEach((tp, r) -> {
            if (r.outcome() == PartitionStateStore.Outcome.OK) {
                PartitionState s = toWrite.get(tp).withZkVersion(r.zkVersion());
                context.putState(tp, s);
                written.add(tp);
                results.put(tp, answer(s));
                log.info("ISR of {} changed to {} at the request of its leader {} (partition epoch {})", tp, s.isr(), brokerId,
                        s.zkVersion());
            } else {
                // Someone else wrote the state meanwhile: the leader must learn the new state and retry.
                zk.partitionStates().get(tp).ifPresent(s -> context.putState(tp, s));
                results.put(tp, IsrChangeResult.refused(Errors.INVALID_UPDATE_VERSION));
            }
        });
        if (!written.isEmpty()) {
            batch.addUpdateMetadata(context.liveBrokerIds(), written);
        }
        // Keep the request's order.
        Map<TopicPartition, IsrChangeResult> ordered = new LinkedHashMap<>();
        for (IsrChange change : changes) {
            ordered.put(change.tp(), results.get(change.tp()));
        }
        return ordered;
    }

    /** Why the request as a whole is refused (unknown broker, stale broker epoch), or null. */
    Errors checkRequester(int brokerId, long brokerEpoch) {
        BrokerInfo broker = context.liveBrokers().get(brokerId);
        if (broker == null || (brokerEpoch >= 0 && brokerEpoch != broker.epoch())) {
            return Errors.STALE_BROKER_EPOCH;
        }
        return null;
    }

    private Errors check(int brokerId, IsrChange change, PartitionState current) {
        TopicPartition tp = change.tp();
        if (current == null || context.isQueuedForDeletion(tp.topic())) {
            return Errors.UNKNOWN_TOPIC_OR_PARTITION;
        }
        if (current.leader() != brokerId || change.leaderEpoch() != current.leaderEpoch()) {
            return Errors.FENCED_LEADER_EPOCH;
        }
        if (change.partitionEpoch() != current.zkVersion()) {
            return Errors.INVALID_UPDATE_VERSION;
        }
        List<Integer> replicas = context.replicas(tp);
        if (!change.newIsr().contains(brokerId)) {
            return Errors.INVALID_REQUEST;
        }
        for (int member : change.newIsr()) {
            if (!replicas.contains(member) || !context.isLive(member) || context.shuttingDownBrokers().contains(member)) {
                return Errors.INELIGIBLE_REPLICA;
            }
        }
        return null;
    }

    private static IsrChangeResult answer(PartitionState s) {
        return new IsrChangeResult(Errors.NONE, s.leader(), s.leaderEpoch(), s.isr(), s.zkVersion());
    }
}
