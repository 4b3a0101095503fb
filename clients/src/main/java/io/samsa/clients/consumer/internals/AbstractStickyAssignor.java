package io.samsa.clients.consumer.internals;

import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sticky assignment shared by the {@code sticky} and {@code cooperative-sticky} assignors:
 * as balanced as possible first, then keeping as many partitions as possible with the members that
 * own them. Subclasses say only where a member's previous assignment and generation come from
 * ({@link #memberData}). Stateless; thread-safe as long as the subclass is.
 *
 * <p>The steps, each in its own class:
 * <ol>
 * <li>{@link StickyAssignorPreviousOwners}: who owns what. A partition claimed by several members
 *     stays with the one claiming it in the highest generation; a tie there leaves it with nobody.
 * <li>{@link StickyAssignorRacks}: whether rack-aware assignment (KIP-881) applies. If so, an owned
 *     partition with no replica on its owner's rack is not kept, and new partitions go to members
 *     on a replica's rack where balance allows.
 * <li>When every member subscribes to the same topics, {@link StickyAssignorUniformPlan}: quotas
 *     of {@code floor} or {@code ceil(partitions / members)}, owned partitions kept up to the
 *     quota, the rest dealt round-robin. Partition counts then differ by at most one.
 * <li>Otherwise {@link StickyAssignorGeneralPlan}: owned partitions kept, new ones given to the
 *     least loaded eligible member, then partitions moved from a member to one with at least two
 *     fewer that can take them, until none can move.
 * </ol>
 * The result is valid, balanced and sticky as Kafka's {@code AbstractStickyAssignor} defines them,
 * but not necessarily the same assignment Kafka's would pick.
 */
public abstract class AbstractStickyAssignor extends AbstractPartitionAssignor {

    /** The generation of a member that reports none. */
    public static final int DEFAULT_GENERATION = -1;

    private static final Logger log = LoggerFactory.getLogger(AbstractStickyAssignor.class);

    /**
     * A member's previous assignment and the generation it belongs to, as its subscription reports
     * them. Immutable.
     */
    public record MemberData(List<TopicPartition> partitions, Optional<Integer> generation) {
        public MemberData {
            partitions = List.copyOf(partitions);
        }
    }

    /** Where this assignor finds a member's previous assignment and generation. */
    protected abstract MemberData memberData(Subscription subscription);

    @Override
    protected Map<String, List<TopicPartition>> assignPartitions(Map<String, List<PartitionInfo>> partitionsPerTopic,
                                                                 Map<String, Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        // Sorted, so the same input always gives the same assignment.
        Map<String, Subscription> members = new TreeMap<>(subscriptions);
        Map<String, MemberData> memberData = new LinkedHashMap<>();
        members.forEach((id, s) -> memberData.put(id, memberData(s)));
        Map<String, List<TopicPartition>> owned =
            StickyAssignorPreviousOwners.resolve(memberData, partitionsPerTopic.keySet());
        StickyAssignorRacks racks = StickyAssignorRacks.of(partitionsPerTopic, members);

        if (allSubscriptionsEqual(members)) {
            log.debug("All members subscribe to the same topics: quota-based sticky assignment");
            List<TopicPartition> all = new ArrayList<>();
            new TreeMap<>(partitionsPerTopic).values()
                .forEach(ps -> ps.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition()))));
            return new StickyAssignorUniformPlan(all, new ArrayList<>(members.keySet()), owned, racks).assign();
        }
        log.debug("Members subscribe to different topics: general sticky assignment");
        Map<String, Set<String>> topicsByMember = new LinkedHashMap<>();
        members.forEach((id, s) -> {
            Set<String> topics = new HashSet<>(s.topics());
            topics.retainAll(partitionsPerTopic.keySet());
            topicsByMember.put(id, topics);
        });
        return new StickyAssignorGeneralPlan(partitionsPerTopic, topicsByMember, owned, racks).assign();
    }

    private static boolean allSubscriptionsEqual(Map<String, Subscription> members) {
        Set<String> first = null;
        for (Subscription s : members.values()) {
            Set<String> topics = new HashSet<>(s.topics());
            if (first == null) {
                first = topics;
            } else if (!first.equals(topics)) {
                return false;
            }
        }
        return true;
    }
}
