package io.samsa.core.admin;

import io.samsa.common.Errors;
import io.samsa.zk.BrokerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kafka's replica placement for new topics and partitions: partition {@code p}'s first replica is
 * broker {@code (p + startIndex) mod n} of the live brokers, and its followers follow at a shift
 * that grows by one every {@code n} partitions, so leaders and followers both spread evenly.
 * {@code startIndex} and the initial shift are random unless fixed. When the brokers have racks
 * ({@code broker.rack}), the broker list alternates racks and a follower is skipped while its rack
 * (or the broker itself) already holds a replica and another rack (or broker) holds none, so a
 * partition spans as many racks as it can. Either every broker has a rack or none. Thread-safe if
 * the given {@link Random} is.
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
        long withRack = brokers.stream().filter(b -> b.rack() != null).count();
        if (withRack > 0 && withRack < brokers.size()) {
            throw new AdminException(Errors.UNKNOWN_SERVER_ERROR, "Not all brokers have rack information for replica rack aware assignment.");
        }
        return withRack == 0 ? assignIgnoringRacks(brokers, partitions, replicationFactor, fixedStartIndex, startPartitionId)
                : assignAcrossRacks(brokers, partitions, replicationFactor, fixedStartIndex, startPartitionId);
    }

    private Map<Integer, List<Integer>> assignIgnoringRacks(Collection<BrokerInfo> brokers, int partitions, int replicationFactor,
                                                            int fixedStartIndex, int startPartitionId) {
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

    private Map<Integer, List<Integer>> assignAcrossRacks(Collection<BrokerInfo> brokers, int partitions, int replicationFactor,
                                                          int fixedStartIndex, int startPartitionId) {
        Map<Integer, String> rackOf = new HashMap<>();
        brokers.forEach(b -> rackOf.put(b.id(), b.rack()));
        List<Integer> arranged = rackAlternated(rackOf);
        int n = arranged.size();
        int racks = new HashSet<>(rackOf.values()).size();
        int startIndex = fixedStartIndex >= 0 ? fixedStartIndex : random.nextInt(n);
        int shift = fixedStartIndex >= 0 ? fixedStartIndex : random.nextInt(n);
        int partitionId = Math.max(0, startPartitionId);
        Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
        for (int i = 0; i < partitions; i++, partitionId++) {
            if (partitionId > 0 && partitionId % n == 0) {
                shift++;
            }
            int first = (partitionId + startIndex) % n;
            int leader = arranged.get(first);
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            replicas.add(leader);
            Set<String> racksUsed = new HashSet<>(Set.of(rackOf.get(leader)));
            Set<Integer> brokersUsed = new HashSet<>(Set.of(leader));
            int k = 0;
            for (int j = 0; j < replicationFactor - 1; j++) {
                while (true) {
                    int broker = arranged.get(followerIndex(first, shift * racks, k++, n));
                    String rack = rackOf.get(broker);
                    // A rack (or broker) already used is taken only once every rack (or broker) is.
                    if ((!racksUsed.contains(rack) || racksUsed.size() == racks)
                            && (!brokersUsed.contains(broker) || brokersUsed.size() == n)) {
                        replicas.add(broker);
                        racksUsed.add(rack);
                        brokersUsed.add(broker);
                        break;
                    }
                }
            }
            assignment.put(partitionId, replicas);
        }
        return assignment;
    }

    /** The brokers in rack order, one from each rack in turn (racks by name, brokers by id within a rack). */
    static List<Integer> rackAlternated(Map<Integer, String> rackOf) {
        TreeMap<String, List<Integer>> byRack = new TreeMap<>();
        rackOf.forEach((id, rack) -> byRack.computeIfAbsent(rack, r -> new ArrayList<>()).add(id));
        List<Iterator<Integer>> racks = new ArrayList<>();
        for (List<Integer> ids : byRack.values()) {
            ids.sort(null);
            racks.add(ids.iterator());
        }
        List<Integer> result = new ArrayList<>(rackOf.size());
        for (int r = 0; result.size() < rackOf.size(); r = (r + 1) % racks.size()) {
            if (racks.get(r).hasNext()) {
                result.add(racks.get(r).next());
            }
        }
        return result;
    }

    /** The j-th follower sits {@code 1 + (shift + j) mod (n - 1)} places after the first replica: never on it. */
    private static int followerIndex(int first, int shift, int j, int n) {
        return (first + 1 + (shift + j) % (n - 1)) % n;
    }
}
