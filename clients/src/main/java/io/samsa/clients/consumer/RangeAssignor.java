package io.samsa.clients.consumer;

import io.samsa.clients.consumer.internals.AbstractPartitionAssignor;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The {@code range} assignor: topic by topic, lays the partitions out in numeric order and the
 * topic's subscribers in order (static members by group instance id first, then the others by
 * member id) and gives each subscriber a contiguous range; when the partitions do not divide
 * evenly, the first subscribers get one more. With two subscribers C0 and C1 of topics t0 and t1
 * of three partitions each, C0 gets t0p0, t0p1, t1p0, t1p1 and C1 gets t0p2, t1p2. Topics with
 * the same subscribers and partition count are thus co-partitioned: partition i of each goes to
 * the same member. Stateless; thread-safe.
 *
 * <p>Rack-aware (KIP-881): when members name their racks, some of those racks hold replicas, and
 * not every partition has replicas on every rack, partitions are first given to subscribers on a
 * rack holding a replica, as far as the per-topic quotas allow (for co-partitioned topics, index
 * by index, keeping them co-partitioned), then the rest by plain ranges. Balance comes before
 * rack locality.
 *
 * <p>The assignment is the one Kafka's {@code RangeAssignor} computes for the same input (each
 * member's list here is sorted by topic, then partition), so Samsa and Kafka consumers can take
 * turns leading a group that uses it.
 */
public class RangeAssignor extends AbstractPartitionAssignor {

    /** The protocol name Kafka uses for this assignor. */
    public static final String RANGE_ASSIGNOR_NAME = "range";

    @Override
    public String name() {
        return RANGE_ASSIGNOR_NAME;
    }

    @Override
    protected Map<String, List<TopicPartition>> assignPartitions(Map<String, List<PartitionInfo>> partitionsPerTopic,
                                                                 Map<String, Subscription> subscriptions) {
        Map<String, Set<String>> subscribersByTopic = new HashMap<>();
        subscriptions.forEach((member, s) ->
            s.topics().forEach(t -> subscribersByTopic.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(member)));

        List<TopicState> states = new ArrayList<>();
        partitionsPerTopic.forEach((topic, partitions) -> states.add(new TopicState(topic, partitions,
            sortedMembers(subscriptions, subscribersByTopic.getOrDefault(topic, Set.of())))));
        states.sort((a, b) -> a.topic.compareTo(b.topic));

        Map<String, List<TopicPartition>> assignment = new HashMap<>();
        subscriptions.keySet().forEach(m -> assignment.put(m, new ArrayList<>()));

        if (states.stream().anyMatch(s -> s.needsRackAwareAssignment)) {
            assignWithRackMatching(states, assignment);
        }
        for (TopicState state : states) {
            assignRanges(state, (member, tp) -> true, assignment);
        }
        assignment.values().forEach(list -> list.sort(null));
        return assignment;
    }

    /** Deals each subscriber, in order, up to its quota of the still unassigned partitions it may take. */
    private static void assignRanges(TopicState state, BiPredicate<String, TopicPartition> mayAssign,
                                     Map<String, List<TopicPartition>> assignment) {
        for (String member : state.members.keySet()) {
            if (state.unassigned.isEmpty()) {
                break;
            }
            int quota = state.maxAssignable(member);
            List<TopicPartition> chosen = new ArrayList<>();
            for (TopicPartition tp : state.unassigned) {
                if (chosen.size() >= quota) {
                    break;
                }
                if (mayAssign.test(member, tp)) {
                    chosen.add(tp);
                }
            }
            if (!chosen.isEmpty()) {
                state.assign(member, chosen, assignment);
            }
        }
    }

    /**
     * The rack-matching pass: topics with the same subscribers and partition count are matched
     * index by index so they stay co-partitioned; a topic alone is matched partition by partition.
     */
    private static void assignWithRackMatching(List<TopicState> states, Map<String, List<TopicPartition>> assignment) {
        Map<List<String>, Map<Integer, List<TopicState>>> groups = new LinkedHashMap<>();
        for (TopicState s : states) {
            groups.computeIfAbsent(List.copyOf(s.members.keySet()), k -> new LinkedHashMap<>())
                .computeIfAbsent(s.partitionRacks.size(), k -> new ArrayList<>()).add(s);
        }
        for (Map<Integer, List<TopicState>> byCount : groups.values()) {
            byCount.forEach((count, coPartitioned) -> {
                if (coPartitioned.size() > 1) {
                    assignCoPartitionedWithRackMatching(count, coPartitioned, assignment);
                } else if (coPartitioned.get(0).needsRackAwareAssignment) {
                    TopicState state = coPartitioned.get(0);
                    assignRanges(state, state::racksMatch, assignment);
                }
            });
        }
    }

    private static void assignCoPartitionedWithRackMatching(int partitionCount, List<TopicState> states,
                                                            Map<String, List<TopicPartition>> assignment) {
        Set<String> remaining = new LinkedHashSet<>(states.get(0).members.keySet());
        for (int p = 0; p < partitionCount && !remaining.isEmpty(); p++) {
            String match = null;
            for (String member : remaining) {
                if (fitsEveryTopic(member, p, states)) {
                    match = member;
                    break;
                }
            }
            if (match == null) {
                continue;
            }
            for (TopicState s : states) {
                s.assign(match, List.of(new TopicPartition(s.topic, p)), assignment);
            }
            String member = match;
            if (states.stream().noneMatch(s -> s.maxAssignable(member) > 0)) {
                remaining.remove(member);
            }
        }
    }

    private static boolean fitsEveryTopic(String member, int partition, List<TopicState> states) {
        for (TopicState s : states) {
            if (!s.racksMatch(member, new TopicPartition(s.topic, partition)) || s.maxAssignable(member) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** One topic's progress: its subscribers in order, what is left, and each one's quota. Not thread-safe. */
    private static final class TopicState {
        private final String topic;
        /** Subscribers in dealing order, with their rack (null: none). */
        private final LinkedHashMap<String, String> members = new LinkedHashMap<>();
        private final Map<TopicPartition, Set<String>> partitionRacks = new HashMap<>();
        private final boolean needsRackAwareAssignment;
        private final Set<TopicPartition> unassigned = new LinkedHashSet<>();
        private final Map<String, Integer> assignedCount = new HashMap<>();
        private final int perMember;
        private int membersWithExtraLeft;

        TopicState(String topic, List<PartitionInfo> partitions, List<MemberInfo> sortedMembers) {
            this.topic = topic;
            for (MemberInfo m : sortedMembers) {
                members.put(m.memberId(), m.rackId().orElse(null));
                assignedCount.put(m.memberId(), 0);
            }
            partitions.forEach(p -> unassigned.add(new TopicPartition(p.topic(), p.partition())));
            perMember = members.isEmpty() ? 0 : partitions.size() / members.size();
            membersWithExtraLeft = members.isEmpty() ? 0 : partitions.size() % members.size();

            Set<String> memberRacks = new HashSet<>(members.values());
            memberRacks.remove(null);
            Set<String> replicaRacks = new HashSet<>();
            if (!memberRacks.isEmpty()) {
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
            needsRackAwareAssignment = !memberRacks.isEmpty() && !Collections.disjoint(memberRacks, replicaRacks)
                && !partitionRacks.values().stream().allMatch(replicaRacks::equals);
        }

        /** True when the member has no rack or a replica of the partition lives on its rack. */
        boolean racksMatch(String member, TopicPartition tp) {
            String rack = members.get(member);
            if (rack == null) {
                return true;
            }
            Set<String> racks = partitionRacks.get(tp);
            return racks != null && racks.contains(rack);
        }

        int maxAssignable(String member) {
            return Math.max(0, perMember + (membersWithExtraLeft > 0 ? 1 : 0) - assignedCount.get(member));
        }

        void assign(String member, List<TopicPartition> partitions, Map<String, List<TopicPartition>> assignment) {
            assignment.get(member).addAll(partitions);
            int count = assignedCount.merge(member, partitions.size(), Integer::sum);
            if (count > perMember) {
                membersWithExtraLeft--;
            }
            partitions.forEach(unassigned::remove);
        }
    }
}
