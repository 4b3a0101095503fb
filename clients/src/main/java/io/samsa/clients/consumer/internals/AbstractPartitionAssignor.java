package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor;
import io.samsa.common.Cluster;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every built-in assignor shares: gather the partitions of the subscribed topics the
 * cluster metadata knows (sorted by partition number; unknown or empty topics are skipped), let
 * the subclass map members to partitions, and wrap the result, with an entry for every member.
 * Stateless; thread-safe as long as the subclass is.
 */
public abstract class AbstractPartitionAssignor implements ConsumerPartitionAssignor {

    private static final Logger log = LoggerFactory.getLogger(AbstractPartitionAssignor.class);

    /**
     * Maps members to partitions.
     *
     * @param partitionsPerTopic the partitions of every subscribed topic the metadata knows, sorted
     *     by partition number; no topic is empty
     * @param subscriptions every member's subscription, by member id
     * @return every member's partitions, by member id (members without partitions may be left out)
     */
    protected abstract Map<String, List<TopicPartition>> assignPartitions(
        Map<String, List<PartitionInfo>> partitionsPerTopic, Map<String, Subscription> subscriptions);

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> subscriptions = groupSubscription.groupSubscription();
        Set<String> topics = new TreeSet<>();
        subscriptions.values().forEach(s -> topics.addAll(s.topics()));

        Map<String, List<PartitionInfo>> partitionsPerTopic = new HashMap<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = metadata.partitionsForTopic(topic);
            if (partitions == null || partitions.isEmpty()) {
                log.debug("Not assigning topic {}: the metadata has no partitions for it", topic);
                continue;
            }
            List<PartitionInfo> sorted = new ArrayList<>(partitions);
            sorted.sort(Comparator.comparingInt(PartitionInfo::partition));
            partitionsPerTopic.put(topic, sorted);
        }

        Map<String, List<TopicPartition>> raw = assignPartitions(partitionsPerTopic, subscriptions);
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        for (String member : subscriptions.keySet()) {
            assignments.put(member, new Assignment(raw.getOrDefault(member, List.of())));
        }
        return new GroupAssignment(assignments);
    }

    /** Partitions 0 to {@code count - 1} of {@code topic}. */
    protected static List<TopicPartition> partitions(String topic, int count) {
        List<TopicPartition> partitions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            partitions.add(new TopicPartition(topic, i));
        }
        return partitions;
    }

    /**
     * The members in the order range and round-robin deal partitions to them: static members
     * (with a group instance id) first, by instance id, then dynamic members by member id. Static
     * members therefore keep their place across restarts, which give them new member ids.
     */
    protected static List<MemberInfo> sortedMembers(Map<String, Subscription> subscriptions,
                                                    Collection<String> memberIds) {
        List<MemberInfo> members = new ArrayList<>(memberIds.size());
        for (String id : memberIds) {
            Subscription s = subscriptions.get(id);
            members.add(new MemberInfo(id, s.groupInstanceId(), s.rackId().filter(r -> !r.isEmpty())));
        }
        members.sort(null);
        return members;
    }

    /**
     * A member's identity as the ordering of {@link #sortedMembers} sees it, and its rack.
     * Immutable. Equality is by member id alone.
     */
    public record MemberInfo(String memberId, Optional<String> groupInstanceId, Optional<String> rackId)
        implements Comparable<MemberInfo> {

        @Override
        public int compareTo(MemberInfo o) {
            if (groupInstanceId.isPresent() && o.groupInstanceId.isPresent()) {
                return groupInstanceId.get().compareTo(o.groupInstanceId.get());
            } else if (groupInstanceId.isPresent()) {
                return -1;
            } else if (o.groupInstanceId.isPresent()) {
                return 1;
            }
            return memberId.compareTo(o.memberId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MemberInfo m && memberId.equals(m.memberId);
        }

        @Override
        public int hashCode() {
            return memberId.hashCode();
        }
    }
}
