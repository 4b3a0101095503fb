package io.samsa.zk;

import java.util.List;

/**
 * The leader and ISR of one partition as stored in its state znode, with the epoch of the
 * controller that wrote it and the znode's data version (for conditional updates). Immutable.
 *
 * @param leader the leader broker id, {@link #NO_LEADER} when offline
 * @param leaderRecoveryState 0 (recovered) unless an unclean election left the leader recovering
 * @param zkVersion the state znode's data version; -1 for a state not yet written
 */
public record PartitionState(int leader, int leaderEpoch, List<Integer> isr, int controllerEpoch,
                             int leaderRecoveryState, int zkVersion) {

    /** No live leader: the partition is offline. */
    public static final int NO_LEADER = -1;
    /** Sent in UpdateMetadata for partitions of a topic being deleted (brokers drop them). */
    public static final int LEADER_DURING_DELETE = -2;

    public PartitionState {
        isr = List.copyOf(isr);
    }

    public static PartitionState initial(int leader, List<Integer> isr, int controllerEpoch) {
        return new PartitionState(leader, 0, isr, controllerEpoch, 0, -1);
    }

    /** The next leader epoch with a new leader and ISR, written by the given controller epoch. */
    public PartitionState newLeaderAndIsr(int newLeader, List<Integer> newIsr, int writerControllerEpoch) {
        return new PartitionState(newLeader, leaderEpoch + 1, newIsr, writerControllerEpoch, leaderRecoveryState, zkVersion);
    }

    public PartitionState withZkVersion(int version) {
        return new PartitionState(leader, leaderEpoch, isr, controllerEpoch, leaderRecoveryState, version);
    }

    public boolean hasLeader() {
        return leader >= 0;
    }

    /** Same leader, epochs and ISR, ignoring the znode version. */
    public boolean sameContentAs(PartitionState other) {
        return other != null && leader == other.leader && leaderEpoch == other.leaderEpoch && isr.equals(other.isr)
                && controllerEpoch == other.controllerEpoch && leaderRecoveryState == other.leaderRecoveryState;
    }
}
