package io.samsa.core.server.metadata;

import java.util.List;

/**
 * Leadership of one partition as the controller last published it. {@code leader} is -1 while
 * the partition is offline. Immutable.
 */
public record PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> isr, List<Integer> replicas,
                            List<Integer> offlineReplicas, int zkVersion) {

    /** The controller's marker for a partition whose topic is being deleted. */
    public static final int LEADER_DURING_DELETE = -2;
    public static final int NO_LEADER = -1;
}
