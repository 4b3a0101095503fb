package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.EpochEntry;
import io.samsa.core.log.FetchDataInfo;
import io.samsa.core.log.LeaderEpochFileCache;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogAppendInfo;
import io.samsa.core.log.LogOffsetMetadata;
import io.samsa.protocol.FileRecordsData;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RecordsData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One partition hosted on this broker: its log and its role as the controller last assigned it.
 * As leader it tracks every follower's fetches, keeps the ISR (proposing changes to the controller
 * through the {@link AlterPartitionManager}, one at a time) and moves the high watermark to the
 * lowest log end offset of the replicas it must wait for; as follower it takes the leader's
 * batches as they are.
 *
 * <p>Thread-safety: role and ISR changes hold the write lock; appends, reads and high-watermark
 * moves hold the read lock, so they run side by side and never see a half-made role. Follower
 * state is one atomic value per follower.
 */
public final class Partition {

    private static final Logger LOG = LoggerFactory.getLogger(Partition.class);

    /** The role, replaced as a whole on every change. */
    private record Role(int leader, int leaderEpoch, int partitionEpoch, int controllerEpoch, List<Integer> replicas,
                        IsrState isrState, long leaderEpochStartOffset) {

        Role withIsr(IsrState state, int newPartitionEpoch) {
            return new Role(leader, leaderEpoch, newPartitionEpoch, controllerEpoch, replicas, state, leaderEpochStartOffset);
        }
    }

    private static final RecordsData EMPTY = new MemoryRecordsData(ByteBuffer.allocate(0));

    private final TopicPartition tp;
    private final Log log;
    private final PartitionEnv env;
    private final int localBrokerId;
    private final ReentrantReadWriteLock leaderIsrUpdateLock = new ReentrantReadWriteLock();
    /** The leader's view of each follower; empty on a follower. */
    private final Map<Integer, AtomicReference<FollowerState>> followers = new ConcurrentHashMap<>();
    private volatile Uuid topicId;
    private volatile Role role;

    Partition(TopicPartition tp, Uuid topicId, Log log, PartitionEnv env) {
        this.tp = tp;
        this.topicId = topicId;
        this.log = log;
        this.env = env;
        this.localBrokerId = env.localBrokerId();
        this.role = new Role(-1, -1, -1, -1, List.of(), new IsrState.Committed(List.of()), -1L);
    }

    public TopicPartition topicPartition() {
        return tp;
    }

    public Uuid topicId() {
        return topicId;
    }

    public Log log() {
        return log;
    }

    public boolean isLeader() {
        return role.leader() == localBrokerId;
    }

    public int leaderEpoch() {
        return role.leaderEpoch();
    }

    public int leaderId() {
        return role.leader();
    }

    /** The version of the partition's state this broker last applied (the state znode's version). */
    public int partitionEpoch() {
        return role.partitionEpoch();
    }

    /** The ISR the controller last wrote (on the leader; a follower keeps what it was told). */
    public List<Integer> isr() {
        return role.isrState().isr();
    }

    /** The replicas the leader's high watermark waits for: the ISR with any pending addition. */
    public List<Integer> maximalIsr() {
        return role.isrState().maximalIsr();
    }

    /** Whether an ISR change is waiting for the controller. */
    public boolean isrChangeInFlight() {
        return role.isrState().inFlight();
    }

    public List<Integer> replicas() {
        return role.replicas();
    }

    /** Led here with fewer replicas in sync than assigned (Kafka's UnderReplicatedPartitions). */
    public boolean isUnderReplicated() {
        Role r = role;
        return r.leader() == localBrokerId && r.isrState().isr().size() < r.replicas().size();
    }

    /** Led here with fewer replicas in sync than {@code min.insync.replicas} asks (UnderMinIsrPartitionCount). */
    public boolean isUnderMinIsr() {
        Role r = role;
        return r.leader() == localBrokerId && r.isrState().isr().size() < effectiveMinIsr(r);
    }

    /** The leader's record of a follower's log end offset, or -1 if unknown (or not a follower of this leader). */
    public long followerLogEndOffset(int replicaId) {
        AtomicReference<FollowerState> f = followers.get(replicaId);
        return f == null ? -1L : f.get().logEndOffset();
    }

    /** Checks a client's view of the leader epoch (Fetch/ListOffsets current_leader_epoch; -1 skips). */
    public Errors checkLeaderEpoch(int clientEpoch) {
        int epoch = role.leaderEpoch();
        if (clientEpoch < 0 || clientEpoch == epoch) {
            return Errors.NONE;
        }
        return clientEpoch < epoch ? Errors.FENCED_LEADER_EPOCH : Errors.UNKNOWN_LEADER_EPOCH;
    }

    // ---------------------------------------------------------------- role changes

    /**
     * Makes this broker the leader. A new leader epoch starts at the log end offset (recorded in
     * the epoch cache before any record of it exists) and restarts what the leader knows of its
     * followers: ISR members get {@code replica.lag.time.max.ms} to show they are caught up.
     *
     * @return false (changing nothing) when the state is older than the one applied
     */
    boolean makeLeader(PartitionState state) {
        leaderIsrUpdateLock.writeLock().lock();
        try {
            Role current = role;
            if (state.zkVersion() < current.partitionEpoch()) {
                LOG.info("Skipped becoming leader of {} at partition epoch {}: already at {}", tp, state.zkVersion(),
                        current.partitionEpoch());
                return false;
            }
            updateTopicId(state.topicId());
            long now = env.time().milliseconds();
            boolean newLeader = current.leader() != localBrokerId;
            boolean newLeaderEpoch = state.leaderEpoch() > current.leaderEpoch();
            Set<Integer> followerIds = new HashSet<>(state.replicas());
            followerIds.remove(localBrokerId);
            followers.keySet().retainAll(followerIds);
            for (int id : followerIds) {
                followers.computeIfAbsent(id, k -> new AtomicReference<>(FollowerState.UNKNOWN));
            }
            long epochStart = current.leaderEpochStartOffset();
            if (newLeaderEpoch) {
                epochStart = log.logEndOffset();
                log.assignEpochStartOffset(state.leaderEpoch(), epochStart);
                long leaderEnd = epochStart;
                followers.forEach((id, f) -> f.updateAndGet(s -> s.reset(now, leaderEnd, newLeader, state.isr().contains(id))));
                LOG.info("Leader of {} at epoch {} from offset {} (partition epoch {}, high watermark {}, ISR {})", tp,
                        state.leaderEpoch(), epochStart, state.zkVersion(), log.highWatermark(), state.isr());
            }
            role = new Role(localBrokerId, state.leaderEpoch(), state.zkVersion(), state.controllerEpoch(),
                    List.copyOf(state.replicas()), new IsrState.Committed(state.isr()), epochStart);
            // With no follower to wait for (or all of them already there), records may be committed now.
            maybeIncrementLeaderHighWatermark(now);
            return true;
        } finally {
            leaderIsrUpdateLock.writeLock().unlock();
        }
    }

    /**
     * Makes this broker a follower of {@code state.leader()}.
     *
     * @return true when the leader epoch is new, so fetching must restart from the new leader;
     *         false when the state is older than the one applied (nothing changed) or the epoch is the same
     */
    boolean makeFollower(PartitionState state) {
        leaderIsrUpdateLock.writeLock().lock();
        try {
            Role current = role;
            if (state.zkVersion() < current.partitionEpoch()) {
                LOG.info("Skipped becoming follower of {} at partition epoch {}: already at {}", tp, state.zkVersion(),
                        current.partitionEpoch());
                return false;
            }
            updateTopicId(state.topicId());
            boolean newLeaderEpoch = state.leaderEpoch() > current.leaderEpoch();
            followers.clear();
            role = new Role(state.leader(), state.leaderEpoch(), state.zkVersion(), state.controllerEpoch(),
                    List.copyOf(state.replicas()), new IsrState.Committed(state.isr()), -1L);
            if (newLeaderEpoch) {
                LOG.info("Follower of {} at epoch {} (leader {}, log end offset {}, high watermark {})", tp, state.leaderEpoch(),
                        state.leader(), log.logEndOffset(), log.highWatermark());
            }
            return newLeaderEpoch;
        } finally {
            leaderIsrUpdateLock.writeLock().unlock();
        }
    }

    private void updateTopicId(Uuid id) {
        if (id != null && !id.equals(Uuid.ZERO)) {
            topicId = id;
        }
    }

    // ---------------------------------------------------------------- leader: appends and the high watermark

    /** Appends a producer's batches as leader. */
    AppendResult appendAsLeader(ByteBuffer records, short requiredAcks) {
        leaderIsrUpdateLock.readLock().lock();
        try {
            Role r = role;
            if (r.leader() != localBrokerId) {
                return AppendResult.error(Errors.NOT_LEADER_OR_FOLLOWER, null);
            }
            int minIsr = effectiveMinIsr(r);
            int inSync = r.isrState().isr().size();
            if (requiredAcks == ACKS_ALL && inSync < minIsr) {
                return AppendResult.error(Errors.NOT_ENOUGH_REPLICAS, "The ISR of " + tp + " has " + inSync
                        + " replicas, fewer than min.insync.replicas=" + log.config().minInSyncReplicas());
            }
            LogAppendInfo info = log.append(records, r.leaderEpoch());
            if (info.error() != Errors.NONE) {
                return AppendResult.error(info.error(), info.errorMessage());
            }
            maybeIncrementLeaderHighWatermark(env.time().milliseconds());
            return new AppendResult(Errors.NONE, null, info.firstOffset(), info.lastOffset(), info.logAppendTime(),
                    log.logStartOffset());
        } finally {
            leaderIsrUpdateLock.readLock().unlock();
        }
    }

    private static final short ACKS_ALL = -1;

    /**
     * Like Kafka, a {@code min.insync.replicas} above the replica count asks only for every replica:
     * a topic created with production settings on a small cluster stays writable with acks=all.
     */
    private int effectiveMinIsr(Role r) {
        return Math.min(log.config().minInSyncReplicas(), Math.max(1, r.replicas().size()));
    }

    /** Whether the high watermark has reached an offset, or why waiting for it is pointless. */
    record ReplicationCheck(boolean reached, Errors error) {
    }

    /**
     * For a produce with {@code acks=all}: whether everything below {@code requiredOffset} is
     * committed (the high watermark reached it). Committed while the ISR is smaller than
     * {@code min.insync.replicas} answers NOT_ENOUGH_REPLICAS_AFTER_APPEND, as Kafka does; a broker
     * that no longer leads answers NOT_LEADER_OR_FOLLOWER.
     */
    ReplicationCheck checkEnoughReplicasReachOffset(long requiredOffset) {
        Role r = role;
        if (r.leader() != localBrokerId) {
            return new ReplicationCheck(false, Errors.NOT_LEADER_OR_FOLLOWER);
        }
        if (log.highWatermark() < requiredOffset) {
            return new ReplicationCheck(false, Errors.NONE);
        }
        return new ReplicationCheck(true, r.isrState().isr().size() < effectiveMinIsr(r)
                ? Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND : Errors.NONE);
    }

    /**
     * Moves the high watermark up to the lowest log end offset among the replicas it must wait
     * for: the maximal ISR, and any live follower that is caught up but not yet in it (so a
     * replica about to join is not left behind by records committed without it). Under
     * {@code min.insync.replicas} nothing more is committed (Kafka 3.9's rule). Called with the
     * lock held (either mode).
     *
     * @return true if it moved
     */
    private boolean maybeIncrementLeaderHighWatermark(long nowMs) {
        Role r = role;
        if (r.leader() != localBrokerId || r.isrState().isr().size() < effectiveMinIsr(r)) {
            return false;
        }
        LogOffsetMetadata leaderEnd = log.logEndOffsetMetadata();
        LogOffsetMetadata candidate = leaderEnd;
        List<Integer> maximalIsr = r.isrState().maximalIsr();
        for (Map.Entry<Integer, AtomicReference<FollowerState>> e : followers.entrySet()) {
            FollowerState s = e.getValue().get();
            if (s.logEndOffset() < candidate.messageOffset() && (maximalIsr.contains(e.getKey())
                    || (s.isCaughtUp(leaderEnd.messageOffset(), nowMs, env.replicaLagTimeMaxMs())
                        && env.isBrokerAlive().test(e.getKey())))) {
                candidate = s.logEnd();
            }
        }
        return log.maybeIncrementHighWatermark(candidate);
    }

    /**
     * The offset below which every live replica has dropped its records (DeleteRecords' low
     * watermark): the lowest log start offset among the leader and its live followers.
     */
    long lowWatermarkIfLeader() {
        long low = log.logStartOffset();
        for (Map.Entry<Integer, AtomicReference<FollowerState>> e : followers.entrySet()) {
            long start = e.getValue().get().logStartOffset();
            if (env.isBrokerAlive().test(e.getKey()) && start < low) {
                low = start;
            }
        }
        return low;
    }

    /**
     * DeleteRecords on the leader: moves the log start offset up to {@code offset} (-1 for the high
     * watermark) and answers with the offset the log now starts at. The topic must allow deletion
     * and the offset lie within the committed records.
     */
    DeleteRecordsResult deleteRecordsOnLeader(long offset) {
        if (!isLeader()) {
            return DeleteRecordsResult.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        if (!log.config().delete()) {
            return DeleteRecordsResult.error(Errors.POLICY_VIOLATION);
        }
        long target = offset == DELETE_TO_HIGH_WATERMARK ? log.highWatermark() : offset;
        if (target < 0 || target > log.highWatermark()) {
            return DeleteRecordsResult.error(Errors.OFFSET_OUT_OF_RANGE);
        }
        try {
            return new DeleteRecordsResult(Errors.NONE, log.maybeIncrementLogStartOffset(target));
        } catch (IllegalArgumentException e) {
            // The high watermark moved below the target meanwhile (a truncation).
            return DeleteRecordsResult.error(Errors.OFFSET_OUT_OF_RANGE);
        }
    }

    /** DeleteRecords' offset -1: everything below the high watermark. */
    static final long DELETE_TO_HIGH_WATERMARK = -1L;

    /**
     * The consumer-visible answer to "latest" is the high watermark, but right after an election
     * it may still lag the new epoch's start: Kafka answers OFFSET_NOT_AVAILABLE until it caught
     * up, so a consumer never resets to an offset that is about to move.
     */
    Errors checkHighWatermarkCaughtUp() {
        Role r = role;
        return r.leader() == localBrokerId && r.leaderEpochStartOffset() > log.highWatermark()
                ? Errors.OFFSET_NOT_AVAILABLE : Errors.NONE;
    }

    // ---------------------------------------------------------------- leader: reads

    /** Reads for a consumer: up to the high watermark. */
    ReadResult readAsLeader(long offset, int maxBytes, boolean minOneMessage) {
        if (!isLeader()) {
            return ReadResult.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        long hw = log.highWatermark();
        long start = log.logStartOffset();
        if (offset < start || offset > log.logEndOffset()) {
            return new ReadResult(Errors.OFFSET_OUT_OF_RANGE, null, 0, hw, hw, start, null, null);
        }
        FetchDataInfo data = log.read(offset, maxBytes, hw, minOneMessage);
        return new ReadResult(Errors.NONE, recordsOf(data), data.slice().size(), hw, hw, log.logStartOffset(),
                data.fetchOffsetMetadata(), null);
    }

    private static RecordsData recordsOf(FetchDataInfo data) {
        return data.slice().isEmpty() ? EMPTY
                : new FileRecordsData(data.slice().channel(), data.slice().position(), data.slice().size());
    }

    /**
     * Reads for follower {@code replicaId}: up to the log end. A follower whose last fetched epoch
     * this log does not have, or has ending before the fetch offset, is answered with the epoch
     * and end offset to truncate to ({@code diverging_epoch}) instead of records. Otherwise the
     * fetch tells the leader where the follower's log ends, which may expand the ISR and move the
     * high watermark.
     */
    ReadResult readForFollower(int replicaId, long replicaEpoch, PartitionFetch fetch, int maxBytes, boolean minOneMessage,
                               long fetchTimeMs, boolean updateFetchState) {
        ReadResult result;
        long leaderEnd;
        leaderIsrUpdateLock.readLock().lock();
        try {
            Role r = role;
            if (r.leader() != localBrokerId) {
                return ReadResult.error(Errors.NOT_LEADER_OR_FOLLOWER);
            }
            Errors epochError = checkLeaderEpoch(fetch.currentLeaderEpoch());
            if (epochError != Errors.NONE) {
                return ReadResult.error(epochError);
            }
            if (!followers.containsKey(replicaId)) {
                // With an epoch the pair (replica, epoch) is just not known yet, so the follower retries.
                return ReadResult.error(fetch.currentLeaderEpoch() >= 0 ? Errors.UNKNOWN_LEADER_EPOCH : Errors.NOT_LEADER_OR_FOLLOWER);
            }
            long hw = log.highWatermark();
            long start = log.logStartOffset();
            leaderEnd = log.logEndOffset();
            if (fetch.lastFetchedEpoch() >= 0) {
                EpochEntry end = log.leaderEpochCache().endOffsetFor(fetch.lastFetchedEpoch(), leaderEnd);
                if (end.epoch() == LeaderEpochFileCache.UNDEFINED_EPOCH || end.startOffset() == LeaderEpochFileCache.UNDEFINED_EPOCH_OFFSET
                        || fetch.fetchOffset() < start) {
                    return new ReadResult(Errors.OFFSET_OUT_OF_RANGE, null, 0, hw, hw, start, null, null);
                }
                if (end.epoch() < fetch.lastFetchedEpoch() || end.startOffset() < fetch.fetchOffset()) {
                    return new ReadResult(Errors.NONE, EMPTY, 0, hw, hw, start, null,
                            new EpochEndOffset(Errors.NONE, end.epoch(), end.startOffset()));
                }
            }
            if (fetch.fetchOffset() < start || fetch.fetchOffset() > leaderEnd) {
                return new ReadResult(Errors.OFFSET_OUT_OF_RANGE, null, 0, hw, hw, start, null, null);
            }
            FetchDataInfo data = log.read(fetch.fetchOffset(), maxBytes, leaderEnd, minOneMessage);
            result = new ReadResult(Errors.NONE, recordsOf(data), data.slice().size(), hw, hw, start, data.fetchOffsetMetadata(), null);
        } finally {
            leaderIsrUpdateLock.readLock().unlock();
        }
        if (!updateFetchState) {
            return result;
        }
        updateFollowerFetchState(replicaId, result.fetchOffsetMetadata(), fetch.logStartOffset(), fetchTimeMs, leaderEnd,
                replicaEpoch);
        // The answer carries the high watermark as it is now, which this very fetch may have moved.
        long hw = log.highWatermark();
        return hw == result.highWatermark() ? result
                : new ReadResult(result.error(), result.records(), result.sizeInBytes(), hw, hw, result.logStartOffset(),
                        result.fetchOffsetMetadata(), null);
    }

    /**
     * Records a follower's fetch: its new log end (where it fetched from), which may add it to the
     * ISR and move the high watermark; waiting requests are woken if a watermark moved.
     */
    private void updateFollowerFetchState(int replicaId, LogOffsetMetadata fetchOffset, long followerStartOffset,
                                          long fetchTimeMs, long leaderEndOffset, long brokerEpoch) {
        AtomicReference<FollowerState> follower = followers.get(replicaId);
        if (follower == null) {
            return;
        }
        long lowWatermarkBefore = lowWatermarkIfLeader();
        FollowerState before = follower.getAndUpdate(s -> s.afterFetch(fetchOffset, followerStartOffset, fetchTimeMs,
                leaderEndOffset, brokerEpoch));
        maybeExpandIsr(replicaId);
        boolean highWatermarkMoved = false;
        if (before.logEndOffset() != fetchOffset.messageOffset()) {
            leaderIsrUpdateLock.readLock().lock();
            try {
                highWatermarkMoved = maybeIncrementLeaderHighWatermark(fetchTimeMs);
            } finally {
                leaderIsrUpdateLock.readLock().unlock();
            }
        }
        if (highWatermarkMoved || lowWatermarkIfLeader() > lowWatermarkBefore) {
            env.watermarksMoved().accept(tp);
        }
    }

    // ---------------------------------------------------------------- leader: the ISR

    /**
     * Proposes adding a follower that has caught up: its log end is at least the high watermark
     * and within the current leader epoch (or it could lead without records committed in this
     * epoch). Nothing is proposed while another change is in flight.
     */
    private void maybeExpandIsr(int replicaId) {
        if (!needsExpandIsr(role, replicaId)) {
            return;
        }
        IsrState.PendingExpand pending;
        leaderIsrUpdateLock.writeLock().lock();
        try {
            Role r = role;
            if (!(r.isrState() instanceof IsrState.Committed committed) || !needsExpandIsr(r, replicaId)) {
                return;
            }
            pending = new IsrState.PendingExpand(replicaId, committed);
            role = r.withIsr(pending, r.partitionEpoch());
            LOG.info("Expanding the ISR of {} from {} to {}", tp, committed.isr(), pending.proposed());
        } finally {
            leaderIsrUpdateLock.writeLock().unlock();
        }
        submitAlterPartition(pending, pending.proposed());
    }

    private boolean needsExpandIsr(Role r, int replicaId) {
        if (r.leader() != localBrokerId || r.isrState().inFlight() || r.isrState().isr().contains(replicaId)
                || !env.isBrokerAlive().test(replicaId)) {
            return false;
        }
        AtomicReference<FollowerState> follower = followers.get(replicaId);
        if (follower == null) {
            return false;
        }
        long end = follower.get().logEndOffset();
        return end >= log.highWatermark() && end >= r.leaderEpochStartOffset();
    }

    /**
     * Proposes removing the ISR members that have not caught up within
     * {@code replica.lag.time.max.ms} (stuck or too slow). Run periodically on the leader.
     */
    void maybeShrinkIsr() {
        if (outOfSyncReplicas(role).isEmpty()) {
            return;
        }
        IsrState.PendingShrink pending;
        leaderIsrUpdateLock.writeLock().lock();
        try {
            Role r = role;
            Set<Integer> outOfSync = outOfSyncReplicas(r);
            if (outOfSync.isEmpty() || !(r.isrState() instanceof IsrState.Committed committed)) {
                return;
            }
            pending = new IsrState.PendingShrink(outOfSync, committed);
            role = r.withIsr(pending, r.partitionEpoch());
            StringBuilder lagging = new StringBuilder();
            for (int id : outOfSync) {
                AtomicReference<FollowerState> f = followers.get(id);
                FollowerState s = f == null ? FollowerState.UNKNOWN : f.get();
                lagging.append(" (broker ").append(id).append(", log end offset ").append(s.logEndOffset())
                        .append(", last caught up at ").append(s.lastCaughtUpTimeMs()).append(')');
            }
            LOG.info("Shrinking the ISR of {} from {} to {} (leader: high watermark {}, log end offset {}); out of sync:{}", tp,
                    committed.isr(), pending.proposed(), log.highWatermark(), log.logEndOffset(), lagging);
        } finally {
            leaderIsrUpdateLock.writeLock().unlock();
        }
        submitAlterPartition(pending, pending.proposed());
    }

    private Set<Integer> outOfSyncReplicas(Role r) {
        if (r.leader() != localBrokerId || r.isrState().inFlight()) {
            return Set.of();
        }
        long now = env.time().milliseconds();
        long leaderEnd = log.logEndOffset();
        Set<Integer> result = new HashSet<>();
        for (int id : r.isrState().isr()) {
            if (id == localBrokerId) {
                continue;
            }
            AtomicReference<FollowerState> f = followers.get(id);
            if (f == null || !f.get().isCaughtUp(leaderEnd, now, env.replicaLagTimeMaxMs())) {
                result.add(id);
            }
        }
        return result;
    }

    private void submitAlterPartition(IsrState pending, List<Integer> proposedIsr) {
        Role r = role;
        LeaderAndIsr proposal = new LeaderAndIsr(localBrokerId, r.leaderEpoch(), proposedIsr, r.partitionEpoch());
        env.alterPartitions().submit(tp, topicId, proposal, r.controllerEpoch()).whenComplete((written, failure) -> {
            boolean highWatermarkMoved = false;
            boolean retry = false;
            leaderIsrUpdateLock.writeLock().lock();
            try {
                if (role.isrState() != pending) {
                    // A LeaderAndIsr (or an earlier answer) replaced the state meanwhile: this answer is out of date.
                    LOG.debug("Ignoring the answer to the ISR change {} of {}: the state is now {}", pending, tp, role.isrState());
                } else if (failure == null) {
                    highWatermarkMoved = onIsrWritten(written);
                } else {
                    retry = onIsrRefused(pending, failure);
                }
            } finally {
                leaderIsrUpdateLock.writeLock().unlock();
            }
            if (highWatermarkMoved) {
                env.watermarksMoved().accept(tp);
            }
            if (retry) {
                submitAlterPartition(pending, proposedIsr);
            }
        });
    }

    /** The controller wrote an ISR: it is committed if it belongs to this leader epoch and is not older than ours. */
    private boolean onIsrWritten(LeaderAndIsr written) {
        Role r = role;
        if (written.leaderEpoch() != r.leaderEpoch() || written.partitionEpoch() < r.partitionEpoch()) {
            LOG.debug("Ignoring the ISR {} written for {}: this broker is at leader epoch {}, partition epoch {}", written, tp,
                    r.leaderEpoch(), r.partitionEpoch());
            return false;
        }
        if (r.isrState() instanceof IsrState.PendingExpand) {
            env.metrics().isrExpanded();
        } else if (r.isrState() instanceof IsrState.PendingShrink) {
            env.metrics().isrShrunk();
        }
        role = r.withIsr(new IsrState.Committed(written.isr()), written.partitionEpoch());
        LOG.info("ISR of {} is now {} (partition epoch {}){}", tp, written.isr(), written.partitionEpoch(),
                written.isr().size() < effectiveMinIsr(r) ? ", under min.insync.replicas" : "");
        return maybeIncrementLeaderHighWatermark(env.time().milliseconds());
    }

    /**
     * The controller refused: when it says the change was not applied (an ineligible replica) the
     * committed state is still right and is restored; when our epochs are stale the state stays
     * pending until the controller's LeaderAndIsr brings the truth. Anything unexpected is retried.
     */
    private boolean onIsrRefused(IsrState pending, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Errors error = cause instanceof AlterPartitionException e ? e.error() : Errors.UNKNOWN_SERVER_ERROR;
        switch (error) {
            case OPERATION_NOT_ATTEMPTED, INELIGIBLE_REPLICA -> {
                IsrState.Committed last = pending instanceof IsrState.PendingExpand p ? p.last() : ((IsrState.PendingShrink) pending).last();
                role = role.withIsr(last, role.partitionEpoch());
                LOG.info("The controller refused the ISR change of {} ({}); back to {}", tp, error, last.isr());
                return false;
            }
            case UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID, FENCED_LEADER_EPOCH, INVALID_UPDATE_VERSION, INVALID_REQUEST -> {
                LOG.info("The controller refused the ISR change of {} ({}); waiting for its next LeaderAndIsr", tp, error);
                return false;
            }
            default -> {
                LOG.warn("The ISR change of {} failed ({}); retrying", tp, cause.toString());
                return true;
            }
        }
    }

    // ---------------------------------------------------------------- follower

    /**
     * Appends the leader's batches, then takes the leader's high watermark (no further than this
     * log's end) and log start offset (no further than this log's high watermark).
     */
    LogAppendInfo appendAsFollower(ByteBuffer records, long leaderHighWatermark, long leaderLogStartOffset) {
        LogAppendInfo info = log.appendAsFollower(records);
        if (info.error() == Errors.NONE) {
            log.updateHighWatermark(leaderHighWatermark);
            if (leaderLogStartOffset > log.logStartOffset()) {
                log.maybeIncrementLogStartOffset(Math.min(leaderLogStartOffset, log.highWatermark()));
            }
        }
        return info;
    }

    /** The latest epoch of this replica's log, and where it ends, for the follower's next fetch. */
    int latestEpoch() {
        return log.latestEpoch();
    }
}
