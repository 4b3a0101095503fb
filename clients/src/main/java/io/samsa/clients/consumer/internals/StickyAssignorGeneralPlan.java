package io.samsa.clients.consumer.internals;

import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sticky assignment when members subscribe to different topics. Balanced means, as in Kafka:
 * no member has two or more partitions fewer than another member holding a partition it could
 * take. Counts can then differ by more than one, but no single move evens them out.
 *
 * <ol>
 * <li>Keep: every member keeps its owned partitions of topics it still subscribes to. With
 *     rack-aware assignment on, an owned partition read across racks is put back in play when
 *     another subscriber could read it locally.
 * <li>Place: every free partition, those of the topics with the fewest subscribers first, goes to
 *     the least loaded subscriber. With rack-aware assignment on, it goes to the least loaded
 *     subscriber on a replica's rack instead if that one is at most one partition above the least
 *     loaded; a partition put back in play that found no such reader returns to its owner.
 * <li>Balance: while some member can take a partition from a member holding at least two more,
 *     move one: of all the partitions it could take from such members, one its holder did not own
 *     before this assignment (so owned partitions move last), then one that becomes rack-local,
 *     then one from the most loaded holder. Each move lowers the sum of the squared counts, so
 *     this ends.
 * </ol>
 * Moving owned partitions last also helps a cooperative rebalance settle: in the rebalance after
 * the owners revoked, what they kept usually needs no further move (in random tests, one or two
 * rebalances in nearly all cases, up to six with racks).
 * One use only; not thread-safe.
 */
final class StickyAssignorGeneralPlan {

    private final Map<String, List<PartitionInfo>> partitionsPerTopic;
    private final Map<String, Set<String>> topicsByMember;
    private final Map<String, List<TopicPartition>> owned;
    private final StickyAssignorRacks racks;

    private final Map<String, List<String>> subscribersByTopic = new TreeMap<>();
    private final Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
    /** What each member holds from before this assignment: these move last. */
    private final Map<String, Set<TopicPartition>> keptByMember = new HashMap<>();
    private final Map<TopicPartition, String> releasedForLocality = new HashMap<>();
    /** Members by (partition count, member id), kept in step with {@link #assignment}. */
    private final TreeSet<String> byLoad;

    /**
     * @param partitionsPerTopic the partitions of every existing subscribed topic
     * @param topicsByMember each member's subscribed topics that exist, by member id in sorted order
     * @param owned each member's undisputed owned partitions of existing topics
     */
    StickyAssignorGeneralPlan(Map<String, List<PartitionInfo>> partitionsPerTopic,
                              Map<String, Set<String>> topicsByMember,
                              Map<String, List<TopicPartition>> owned,
                              StickyAssignorRacks racks) {
        this.partitionsPerTopic = partitionsPerTopic;
        this.topicsByMember = topicsByMember;
        this.owned = owned;
        this.racks = racks;
        this.byLoad = new TreeSet<>(Comparator.comparingInt((String m) -> assignment.get(m).size())
            .thenComparing(m -> m));
        topicsByMember.forEach((member, topics) ->
            topics.forEach(t -> subscribersByTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(member)));
    }

    Map<String, List<TopicPartition>> assign() {
        Set<TopicPartition> kept = keepOwned();
        topicsByMember.keySet().forEach(byLoad::add);
        place(freePartitions(kept));
        balance();
        return assignment;
    }

    private Set<TopicPartition> keepOwned() {
        Set<TopicPartition> kept = new HashSet<>();
        topicsByMember.forEach((member, topics) -> {
            List<TopicPartition> mine = new ArrayList<>();
            for (TopicPartition tp : owned.getOrDefault(member, List.of())) {
                if (!topics.contains(tp.topic())) {
                    continue;
                }
                if (racks.betterElsewhere(member, tp, subscribersByTopic.get(tp.topic()))) {
                    releasedForLocality.put(tp, member);
                } else {
                    mine.add(tp);
                }
            }
            assignment.put(member, mine);
            keptByMember.put(member, new HashSet<>(mine));
            kept.addAll(mine);
        });
        return kept;
    }

    /** The partitions nobody kept, of topics with the fewest subscribers first, then by topic and partition. */
    private List<TopicPartition> freePartitions(Set<TopicPartition> kept) {
        List<String> topics = new ArrayList<>(subscribersByTopic.keySet());
        topics.sort(Comparator.comparingInt(t -> subscribersByTopic.get(t).size()));
        List<TopicPartition> free = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo p : partitionsPerTopic.get(topic)) {
                TopicPartition tp = new TopicPartition(topic, p.partition());
                if (!kept.contains(tp)) {
                    free.add(tp);
                }
            }
        }
        return free;
    }

    private void place(List<TopicPartition> free) {
        for (TopicPartition tp : free) {
            String leastLoaded = leastLoaded(tp, false);
            String target = leastLoaded;
            String local = racks.enabled() ? leastLoaded(tp, true) : null;
            String owner = releasedForLocality.get(tp);
            if (local != null && count(local) <= count(leastLoaded) + 1) {
                target = local;
            } else if (owner != null) {
                target = owner;
                keptByMember.get(owner).add(tp);
            }
            move(tp, null, target);
        }
    }

    /** The least loaded member subscribing to the partition's topic (on one of its racks, if asked), or null. */
    private String leastLoaded(TopicPartition tp, boolean onRack) {
        for (String member : byLoad) {
            if (topicsByMember.get(member).contains(tp.topic()) && (!onRack || racks.matches(member, tp))) {
                return member;
            }
        }
        return null;
    }

    private void balance() {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (String receiver : new ArrayList<>(byLoad)) {
                while (takeOne(receiver)) {
                    moved = true;
                }
            }
        }
    }

    /** Moves to {@code receiver} the best partition it can take from a member with two more; false if none. */
    private boolean takeOne(String receiver) {
        int receiverCount = count(receiver);
        Set<String> receiverTopics = topicsByMember.get(receiver);
        TopicPartition best = null;
        String bestGiver = null;
        int bestScore = Integer.MIN_VALUE;
        for (Iterator<String> it = byLoad.descendingIterator(); it.hasNext();) {
            String giver = it.next();
            if (count(giver) < receiverCount + 2) {
                break;
            }
            Set<TopicPartition> keptByGiver = keptByMember.get(giver);
            for (TopicPartition tp : assignment.get(giver)) {
                if (!receiverTopics.contains(tp.topic())) {
                    continue;
                }
                int locality = (racks.matches(receiver, tp) ? 1 : 0) - (racks.matches(giver, tp) ? 1 : 0);
                // Strictly greater: among equals, the first found, from the most loaded giver.
                int score = (keptByGiver.contains(tp) ? 0 : 10) + locality;
                if (score > bestScore) {
                    best = tp;
                    bestGiver = giver;
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            return false;
        }
        move(best, bestGiver, receiver);
        return true;
    }

    private int count(String member) {
        return assignment.get(member).size();
    }

    private void move(TopicPartition tp, String from, String to) {
        if (from != null) {
            byLoad.remove(from);
            assignment.get(from).remove(tp);
            byLoad.add(from);
        }
        byLoad.remove(to);
        assignment.get(to).add(tp);
        byLoad.add(to);
    }
}
