package io.samsa.clients.consumer;

import io.samsa.clients.consumer.internals.AbstractPartitionAssignor;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code roundrobin} assignor: lays out every partition of every subscribed topic (topics by
 * name, partitions by number) and deals them one by one to the members in a circle (static
 * members by group instance id first, then the others by member id), skipping a member that does
 * not subscribe to the partition's topic. When all members subscribe to the same topics, their
 * partition counts differ by at most one; otherwise the result can be lopsided (the sticky
 * assignors balance better). Stateless; thread-safe.
 *
 * <p>The assignment is exactly the one Kafka's {@code RoundRobinAssignor} computes for the same
 * input, list order included.
 */
public class RoundRobinAssignor extends AbstractPartitionAssignor {

    /** The protocol name Kafka uses for this assignor. */
    public static final String ROUNDROBIN_ASSIGNOR_NAME = "roundrobin";

    @Override
    public String name() {
        return ROUNDROBIN_ASSIGNOR_NAME;
    }

    @Override
    protected Map<String, List<TopicPartition>> assignPartitions(Map<String, List<PartitionInfo>> partitionsPerTopic,
                                                                 Map<String, Subscription> subscriptions) {
        Map<String, List<TopicPartition>> assignment = new HashMap<>();
        subscriptions.keySet().forEach(m -> assignment.put(m, new ArrayList<>()));
        List<MemberInfo> circle = sortedMembers(subscriptions, subscriptions.keySet());
        List<Set<String>> topicsOf = new ArrayList<>(circle.size());
        circle.forEach(m -> topicsOf.add(Set.copyOf(subscriptions.get(m.memberId()).topics())));

        Set<String> topics = new TreeSet<>();
        subscriptions.values().forEach(s -> topics.addAll(s.topics()));
        int next = 0;
        for (String topic : topics) {
            List<PartitionInfo> partitions = partitionsPerTopic.get(topic);
            if (partitions == null) {
                continue;
            }
            for (TopicPartition tp : partitions(topic, partitions.size())) {
                // Some member subscribes to the topic, so this stops within one turn of the circle.
                while (!topicsOf.get(next).contains(topic)) {
                    next = (next + 1) % circle.size();
                }
                assignment.get(circle.get(next).memberId()).add(tp);
                next = (next + 1) % circle.size();
            }
        }
        return assignment;
    }
}
