package io.samsa.core.admin;

import io.samsa.common.Errors;
import io.samsa.zk.BrokerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Kafka's replica placement for new topics and partitions: partition {@code p}'s first replica is
 * broker {@code (p + startIndex) mod n} of the sorted live brokers, and its followers follow at a
 * shift that grows by one every {@code n} partitions, so leaders and followers both spread evenly.
 * {@code startIndex} and the initial shift are random unless fixed. Racks are not yet honoured
 * (every broker is treated as rack-less; {@link BrokerInfo#rack()} is the seam). Thread-safe if the
 * given {@link Random} is.
 */
public final class ReplicaAssignor {

    private final Random random;

    public ReplicaAssignor(Random random) {
        this.random = random;
    }

    public static ReplicaAssignor create() {
        return new ReplicaAssignor(new Random());
    }

    /**
     * Checks Kafka's limits for a new topic.
     *
     * @throws AdminException INVALID_PARTITIONS or INVALID_REPLICATION_FACTOR
     */
    public static void validate(int partitions, int replicationFactor, int liveBrokers) {
        if (partitions <= 0) {
            throw new AdminException(Errors.INVALID_PARTITIONS, "Number of partitions must be larger than 0.");
        }
        if (replicationFactor <= 0) {
            throw new AdminException(Errors.INVALID_REPLICATION_FACTOR, "Replication factor must be larger than 0.");
        }
        if (replicationFactor > liveBrokers) {
            throw new AdminException(Errors.INVALID_REPLICATION_FACTOR,
                    "Replication factor: " + replicationFactor + " larger than available brokers: " + liveBrokers + ".");
        }
    }

    /** An assignment for a new topic, with a random start. */
    public Map<Integer, List<Integer>> assign(Collection<BrokerInfo> brokers, int partitions, int replicationFactor) {
        return assign(brokers, partitions, replicationFactor, -1, 0);
    }

    /**
     * An assignment of {@code partitions} partitions numbered from {@code startPartitionId}.
     *
     * @param fixedStartIndex the start index and initial follower shift, or -1 for random ones
     * @throws AdminException if the counts are invalid for these brokers
     */
    public Map<Integer, List<Integer>> assign(Collection<BrokerInfo> brokers, int partitions, int replicationFactor,
                                              int fixedStartIndex, int startPartitionId) {
        validate(partitions, replicationFactor, brokers.size());
        int[] ids = brokers.stream().mapToInt(BrokerInfo::id).sorted().toArray();
        int n = ids.length;
        int startIndex = fixedStartIndex >= 0 ? fixedStartIndex : random.nextInt(n);
        int shift = fixedStartIndex >= 0 ? fixedStartIndex : random.nextInt(n);
        int partitionId = Math.max(0, startPartitionId);
        Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
        for (int i = 0; i < partitions; i++, partitionId++) {
            if (partitionId > 0 && partitionId % n == 0) {
                shift++;
            }
            int first = (partitionId + startIndex) % n;
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            replicas.add(ids[first]);
            for (int j = 0; j < replicationFactor - 1; j++) {
                replicas.add(ids[followerIndex(first, shift, j, n)]);
            }
            assignment.put(partitionId, replicas);
        }
        return assignment;
    }

    /** The j-th follower sits {@code 1 + (shift + j) mod (n - 1)} places after the first replica: never on it. */
    private static int followerIndex(int first, int shift, int j, int n) {
        return (first + 1 + (shift + j) % (n - 1)) % n;
    }
}
