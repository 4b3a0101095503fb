package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerGroupMetadata;
import io.samsa.common.Node;

import java.util.Optional;

/**
 * This member's standing in its group, shared by the application thread (which joins, syncs and
 * commits) and the I/O thread (whose {@link HeartbeatParticipant} heartbeats, notices a rebalance
 * or a lost membership, and leaves the group when {@code max.poll.interval.ms} passes without a
 * poll). Thread-safe: every method is synchronized, and each is a short read or update.
 */
public final class GroupState {

    /** Where the member is in the classic protocol. */
    public enum Phase {
        /** Not a member (never joined, left, or fenced). */
        UNJOINED,
        /** JoinGroup or SyncGroup in flight. */
        REBALANCING,
        /** Has an assignment for the current generation; heartbeats run. */
        STABLE
    }

    /** The member id and generation a request is made under. Immutable. */
    public record Generation(int generationId, String memberId, String protocolName) {
        public static final Generation NONE = new Generation(-1, "", null);

        public boolean isNone() {
            return generationId < 0;
        }
    }

    private final String groupId;
    private final Optional<String> groupInstanceId;
    private Phase phase = Phase.UNJOINED;
    private Generation generation = Generation.NONE;
    private String memberId = "";
    private Node coordinator;
    private boolean rejoinNeeded = true;
    private String rejoinReason = "the consumer has not joined yet";
    private boolean leftForPollTimeout;
    private long lastPollMs;

    public GroupState(String groupId, Optional<String> groupInstanceId, long nowMs) {
        this.groupId = groupId;
        this.groupInstanceId = groupInstanceId;
        this.lastPollMs = nowMs;
    }

    public String groupId() {
        return groupId;
    }

    public Optional<String> groupInstanceId() {
        return groupInstanceId;
    }

    public synchronized Phase phase() {
        return phase;
    }

    public synchronized Generation generation() {
        return generation;
    }

    /** The member id to join with (kept across rejoins; empty before the first join). */
    public synchronized String memberId() {
        return memberId;
    }

    public synchronized void setMemberId(String id) {
        memberId = id;
    }

    public synchronized Node coordinator() {
        return coordinator;
    }

    public synchronized void setCoordinator(Node node) {
        coordinator = node;
    }

    /** The coordinator stopped answering as one; look it up again. */
    public synchronized void coordinatorUnknown(Node failed) {
        if (failed == null || failed.equals(coordinator)) {
            coordinator = null;
        }
    }

    public synchronized void rebalancing() {
        phase = Phase.REBALANCING;
    }

    /** SyncGroup answered: the member holds generation {@code g}. */
    public synchronized void stable(Generation g) {
        generation = g;
        memberId = g.memberId();
        phase = Phase.STABLE;
        rejoinNeeded = false;
        leftForPollTimeout = false;
    }

    /** Only if still in generation {@code g}: the group moved on, join again keeping partitions. */
    public synchronized void requestRejoin(String reason) {
        if (!rejoinNeeded) {
            rejoinNeeded = true;
            rejoinReason = reason;
        }
    }

    public synchronized boolean rejoinNeeded() {
        return rejoinNeeded;
    }

    public synchronized String rejoinReason() {
        return rejoinReason;
    }

    /**
     * The membership is gone (unknown member, fenced generation, left): forget the generation and,
     * when {@code resetMemberId}, the member id; the partitions are lost.
     */
    public synchronized void resetGeneration(String reason, boolean resetMemberId) {
        generation = Generation.NONE;
        if (resetMemberId) {
            memberId = "";
        }
        phase = Phase.UNJOINED;
        rejoinNeeded = true;
        rejoinReason = reason;
    }

    /** A rebalance attempt failed before it completed; the member is not in a generation. */
    public synchronized void joinFailed() {
        if (phase == Phase.REBALANCING) {
            phase = generation.isNone() ? Phase.UNJOINED : Phase.STABLE;
        }
        rejoinNeeded = true;
    }

    public synchronized void polled(long nowMs) {
        lastPollMs = nowMs;
    }

    public synchronized long lastPollMs() {
        return lastPollMs;
    }

    /** The heartbeat left the group because the application stopped polling. */
    public synchronized void leftForPollTimeout() {
        leftForPollTimeout = true;
    }

    /** Whether the member left because poll was late (the application then loses its partitions). */
    public synchronized boolean hasLeftForPollTimeout() {
        return leftForPollTimeout;
    }

    public synchronized ConsumerGroupMetadata metadata() {
        return new ConsumerGroupMetadata(groupId, generation.generationId(), generation.isNone() ? memberId : generation.memberId(),
                groupInstanceId);
    }
}
