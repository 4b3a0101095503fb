package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rack knowledge for a sticky assignment (KIP-881): each member's rack and each partition's
 * replica racks. Rack-aware assignment is on only when it can help: some member names a rack, some
 * replica lives on one of those racks, and not every partition has replicas on the same set of
 * racks (if every rack holds every partition, any member is local to all of them). When it is
 * off, nothing mismatches and nothing matches, and the plans behave as without racks. Immutable.
 */
final class StickyAssignorRacks {

    private final Map<String, String> memberRacks;
    private final Map<TopicPartition, Set<String>> partitionRacks;
    private final Map<TopicPartition, Integer> membersOnReplicaRacks;

    private StickyAssignorRacks(Map<String, String> memberRacks, Map<TopicPartition, Set<String>> partitionRacks,
                                Map<TopicPartition, Integer> membersOnReplicaRacks) {
        this.memberRacks = memberRacks;
        this.partitionRacks = partitionRacks;
        this.membersOnReplicaRacks = membersOnReplicaRacks;
    }

    static StickyAssignorRacks of(Map<String, List<PartitionInfo>> partitionsPerTopic,
                                  Map<String, Subscription> subscriptions) {
        Map<String, String> memberRacks = new HashMap<>();
        Map<String, Integer> membersPerRack = new HashMap<>();
        subscriptions.forEach((member, s) -> s.rackId().filter(r -> !r.isEmpty()).ifPresent(rack -> {
            memberRacks.put(member, rack);
            membersPerRack.merge(rack, 1, Integer::sum);
        }));
        if (memberRacks.isEmpty()) {
            return disabled();
        }
        Map<TopicPartition, Set<String>> partitionRacks = new HashMap<>();
        Set<String> replicaRacks = new HashSet<>();
        for (List<PartitionInfo> partitions : partitionsPerTopic.values()) {
            for (PartitionInfo p : partitions) {
                Set<String> racks = new HashSet<>();
                for (Node replica : p.replicas()) {
                    if (replica.rack() != null) {
                        racks.add(replica.rack());
                    }
                }
                partitionRacks.put(new TopicPartition(p.topic(), p.partition()), racks);
                replicaRacks.addAll(racks);
            }
        }
        boolean useful = !Collections.disjoint(membersPerRack.keySet(), replicaRacks)
            && !partitionRacks.values().stream().allMatch(replicaRacks::equals);
        if (!useful) {
            return disabled();
        }
        Map<TopicPartition, Integer> membersOnReplicaRacks = new HashMap<>();
        partitionRacks.forEach((tp, racks) ->
            membersOnReplicaRacks.put(tp, racks.stream().mapToInt(r -> membersPerRack.getOrDefault(r, 0)).sum()));
        return new StickyAssignorRacks(memberRacks, partitionRacks, membersOnReplicaRacks);
    }

    private static StickyAssignorRacks disabled() {
        return new StickyAssignorRacks(Map.of(), Map.of(), Map.of());
    }

    boolean enabled() {
        return !memberRacks.isEmpty();
    }

    /** True when rack-aware assignment is on, the member has a rack and no replica of the partition is on it. */
    boolean mismatch(String member, TopicPartition tp) {
        String rack = memberRacks.get(member);
        if (rack == null) {
            return false;
        }
        Set<String> racks = partitionRacks.get(tp);
        return racks == null || !racks.contains(rack);
    }

    /**
     * True when the owner reads the partition across racks while one of the candidates could read
     * it locally: only then is it worth taking the partition from its owner. Releasing it when no
     * candidate is local would move it for nothing, again at every rebalance.
     */
    boolean betterElsewhere(String owner, TopicPartition tp, Iterable<String> candidates) {
        if (!mismatch(owner, tp)) {
            return false;
        }
        for (String candidate : candidates) {
            if (matches(candidate, tp)) {
                return true;
            }
        }
        return false;
    }

    /** True when rack-aware assignment is on and a replica of the partition is on the member's rack. */
    boolean matches(String member, TopicPartition tp) {
        String rack = memberRacks.get(member);
        if (rack == null) {
            return false;
        }
        Set<String> racks = partitionRacks.get(tp);
        return racks != null && racks.contains(rack);
    }

    /**
     * The partitions, those with the fewest members on their replicas' racks first (stable), so
     * the hardest to place locally are placed while there is most choice; unchanged when rack-aware
     * assignment is off.
     */
    List<TopicPartition> hardestToPlaceLocallyFirst(List<TopicPartition> partitions) {
        if (!enabled()) {
            return partitions;
        }
        List<TopicPartition> sorted = new ArrayList<>(partitions);
        sorted.sort(Comparator.comparingInt(tp -> membersOnReplicaRacks.getOrDefault(tp, 0)));
        return sorted;
    }
}
