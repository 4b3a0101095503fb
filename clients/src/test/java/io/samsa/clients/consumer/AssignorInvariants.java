package io.samsa.clients.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.common.Cluster;
import io.samsa.common.TopicPartition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The properties every assignment of the sticky assignors must have. Stateless; thread-safe. */
public final class AssignorInvariants {

    private AssignorInvariants() {
    }

    /**
     * Every member has an entry, no partition goes to two members, a member only gets partitions
     * of existing topics it subscribes to, and (when {@code complete}) every such partition is
     * assigned.
     */
    public static void assertValid(Cluster cluster, Map<String, Subscription> subscriptions,
                                   Map<String, List<TopicPartition>> assignment, boolean complete) {
        assertEquals(subscriptions.keySet(), assignment.keySet(), "one assignment per member");
        Map<TopicPartition, String> owner = new HashMap<>();
        assignment.forEach((member, partitions) -> {
            Set<String> topics = new HashSet<>(subscriptions.get(member).topics());
            for (TopicPartition tp : partitions) {
                assertTrue(topics.contains(tp.topic()), () -> member + " does not subscribe to " + tp + ": " + assignment);
                assertTrue(tp.partition() < cluster.partitionsForTopic(tp.topic()).size(), () -> tp + " does not exist");
                String other = owner.put(tp, member);
                if (other != null) {
                    fail(tp + " assigned to both " + other + " and " + member + ": " + assignment);
                }
            }
        });
        if (complete) {
            assertEquals(AssignorScenarios.subscribedPartitions(cluster, subscriptions.values()), owner.keySet(),
                "every subscribed partition assigned");
        }
    }

    /** Partition counts differ by at most one (the guarantee when all subscriptions are equal). */
    public static void assertEvenlyBalanced(Map<String, List<TopicPartition>> assignment) {
        int min = assignment.values().stream().mapToInt(List::size).min().orElse(0);
        int max = assignment.values().stream().mapToInt(List::size).max().orElse(0);
        assertTrue(max - min <= 1, () -> "counts from " + min + " to " + max + ": " + assignment);
    }

    /** No member has two or more partitions fewer than a member holding a partition it could take. */
    public static void assertBalanced(Map<String, Subscription> subscriptions, Map<String, List<TopicPartition>> assignment) {
        assignment.forEach((giver, given) -> assignment.forEach((taker, taken) -> {
            if (given.size() >= taken.size() + 2) {
                Set<String> takerTopics = new HashSet<>(subscriptions.get(taker).topics());
                for (TopicPartition tp : given) {
                    assertTrue(!takerTopics.contains(tp.topic()), () -> taker + " (" + taken.size() + ") could take " + tp
                        + " from " + giver + " (" + given.size() + "): " + assignment);
                }
            }
        }));
    }

    /**
     * The cooperative rule: a member gets a partition it does not own only if no other member
     * claims it.
     */
    public static void assertCooperative(Map<String, Set<TopicPartition>> ownedBefore,
                                         Map<String, List<TopicPartition>> assignment) {
        assignment.forEach((member, partitions) -> {
            for (TopicPartition tp : partitions) {
                if (ownedBefore.getOrDefault(member, Set.of()).contains(tp)) {
                    continue;
                }
                ownedBefore.forEach((other, owned) -> assertTrue(other.equals(member) || !owned.contains(tp),
                    () -> tp + " given to " + member + " while " + other + " still owns it: " + assignment));
            }
        });
    }

    /**
     * The most partitions an evenly balanced assignment can leave with their owners, when all
     * members subscribe to the same {@code total} partitions: each keeps up to floor(total /
     * members), and as many as there are ceil places keep one more.
     */
    public static int maxKeepable(int total, Map<String, Set<TopicPartition>> owned, Collection<String> members) {
        int n = members.size();
        int min = total / n;
        int extra = total % n;
        int kept = 0;
        int over = 0;
        for (String m : members) {
            int c = owned.getOrDefault(m, Set.of()).size();
            kept += Math.min(c, min);
            if (c > min) {
                over++;
            }
        }
        return kept + Math.min(extra, over);
    }

    /** How many partitions stay with a member that owned them. */
    public static int kept(Map<String, Set<TopicPartition>> owned, Map<String, List<TopicPartition>> assignment) {
        int kept = 0;
        for (Map.Entry<String, List<TopicPartition>> e : assignment.entrySet()) {
            Set<TopicPartition> before = owned.getOrDefault(e.getKey(), Set.of());
            for (TopicPartition tp : e.getValue()) {
                if (before.contains(tp)) {
                    kept++;
                }
            }
        }
        return kept;
    }
}
