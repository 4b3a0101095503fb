package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.log.Log;
import io.samsa.core.log.LogAppendInfo;
import io.samsa.core.log.FetchDataInfo;
import io.samsa.protocol.FileRecordsData;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.RecordsData;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * One partition hosted on this broker: its log and its role (leader or follower) as the
 * controller last assigned it. Role changes and appends are serialized on the partition's
 * monitor; reads use the log's own lock-free path and a volatile snapshot of the role.
 * Thread-safe.
 */
public final class Partition {

    /** The role, replaced as a whole on every LeaderAndIsr. */
    private record Role(int leader, int leaderEpoch, List<Integer> isr, List<Integer> replicas, int zkVersion) {
    }

    private static final RecordsData EMPTY = new MemoryRecordsData(ByteBuffer.allocate(0));

    private final TopicPartition tp;
    private final int localBrokerId;
    private final Log log;
    private volatile Uuid topicId;
    private volatile Role role;

    Partition(TopicPartition tp, Uuid topicId, int localBrokerId, Log log) {
        this.tp = tp;
        this.topicId = topicId;
        this.localBrokerId = localBrokerId;
        this.log = log;
        this.role = new Role(-1, -1, List.of(), List.of(), -1);
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

    /**
     * Applies a LeaderAndIsr state. Returns false (and changes nothing) when the state's leader
     * epoch is older than the one already applied, as a late request from a deposed controller.
     */
    synchronized boolean applyState(PartitionState state) {
        Role current = role;
        if (state.leaderEpoch() < current.leaderEpoch()) {
            return false;
        }
        if (state.topicId() != null && !state.topicId().equals(Uuid.ZERO)) {
            topicId = state.topicId();
        }
        role = new Role(state.leader(), state.leaderEpoch(), List.copyOf(state.isr()), List.copyOf(state.replicas()),
                state.zkVersion());
        if (state.leader() == localBrokerId) {
            // Until replication arrives the ISR is the leader alone, so everything appended is committed.
            log.updateHighWatermark(log.logEndOffset());
        }
        return true;
    }

    /** Checks a client's view of the leader epoch (Fetch/ListOffsets current_leader_epoch; -1 skips). */
    public Errors checkLeaderEpoch(int clientEpoch) {
        int epoch = role.leaderEpoch();
        if (clientEpoch < 0 || clientEpoch == epoch) {
            return Errors.NONE;
        }
        return clientEpoch < epoch ? Errors.FENCED_LEADER_EPOCH : Errors.UNKNOWN_LEADER_EPOCH;
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
        int minIsr = Math.min(log.config().minInSyncReplicas(), r.replicas().size());
        return new ReplicationCheck(true, r.isr().size() < minIsr ? Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND : Errors.NONE);
    }

    /**
     * The offset below which every replica has dropped its records (DeleteRecords' low watermark).
     * Until followers exist it is the leader's own log start offset.
     */
    long lowWatermarkIfLeader() {
        return log.logStartOffset();
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

    /** Appends a producer's batches as leader. */
    synchronized AppendResult appendAsLeader(ByteBuffer records, short requiredAcks) {
        Role r = role;
        if (r.leader() != localBrokerId) {
            return AppendResult.error(Errors.NOT_LEADER_OR_FOLLOWER, null);
        }
        // Like Kafka, a min.insync.replicas above the replica count asks only for every replica:
        // a topic created with production settings on a one-broker cluster stays writable with acks=all.
        int minIsr = Math.min(log.config().minInSyncReplicas(), r.replicas().size());
        if (requiredAcks == -1 && r.isr().size() < minIsr) {
            return AppendResult.error(Errors.NOT_ENOUGH_REPLICAS, "The ISR has " + r.isr().size()
                    + " replicas, fewer than min.insync.replicas=" + log.config().minInSyncReplicas());
        }
        LogAppendInfo info = log.append(records, r.leaderEpoch());
        if (info.error() != Errors.NONE) {
            return AppendResult.error(info.error(), info.errorMessage());
        }
        if (r.isr().size() <= 1) {
            log.updateHighWatermark(log.logEndOffset());
        }
        return new AppendResult(Errors.NONE, null, info.firstOffset(), info.lastOffset(), info.logAppendTime(), log.logStartOffset());
    }

    /** Reads for a consumer: up to the high watermark. */
    ReadResult readAsLeader(long offset, int maxBytes, boolean minOneMessage) {
        if (!isLeader()) {
            return ReadResult.error(Errors.NOT_LEADER_OR_FOLLOWER);
        }
        long hw = log.highWatermark();
        long start = log.logStartOffset();
        if (offset < start || offset > log.logEndOffset()) {
            return new ReadResult(Errors.OFFSET_OUT_OF_RANGE, null, 0, hw, hw, start, null);
        }
        FetchDataInfo data = log.read(offset, maxBytes, hw, minOneMessage);
        RecordsData records = data.slice().isEmpty() ? EMPTY
                : new FileRecordsData(data.slice().channel(), data.slice().position(), data.slice().size());
        return new ReadResult(Errors.NONE, records, data.slice().size(), hw, hw, log.logStartOffset(), data.fetchOffsetMetadata());
    }
}
