package io.samsa.clients.consumer.internals;

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
import java.util.TreeSet;

/**
 * The sticky assignment when every member subscribes to the same topics. With {@code P}
 * partitions and {@code M} members, every member gets {@code P / M} partitions ("min") and
 * {@code P % M} of them one more ("max"), so counts differ by at most one.
 *
 * <ol>
 * <li>Keep: each member keeps its owned partitions up to min; members owning more than min keep
 *     max while max places last, so as many partitions stay put as balance allows.
 *     With rack-aware assignment on, an owned partition read across racks is put back in play
 *     when some member could read it locally.
 * <li>Rack pass (rack-aware only): each free partition, hardest to place locally first, goes to a
 *     member on a replica's rack that is below min (taking turns), else to one at min while max
 *     places remain; otherwise it waits.
 * <li>Fill: a partition put back in play that found no local reader returns to its owner if the
 *     owner has room (so it only moves for locality); the rest go round-robin to the members below
 *     min, then one each to members at min while max places remain.
 * </ol>
 * Every step stays within the quotas and the quotas add up to {@code P}, so every partition finds
 * a place. One use only; not thread-safe.
 */
final class StickyAssignorUniformPlan {

    private final List<TopicPartition> allPartitions;
    private final List<String> members;
    private final Map<String, List<TopicPartition>> owned;
    private final StickyAssignorRacks racks;

    private final int minQuota;
    private int maxPlacesLeft;
    private final Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
    /** Members below min, in member order: filled in turns. */
    private final List<String> belowMin = new ArrayList<>();
    /** Members at exactly min that may still take one more while max places remain. */
    private final TreeSet<String> atMin = new TreeSet<>();
    /** Owned partitions put back in play for locality, with their owner. */
    private final Map<TopicPartition, String> releasedForLocality = new HashMap<>();

    /**
     * @param allPartitions every partition to assign, sorted by topic, then partition
     * @param members the member ids, sorted
     * @param owned each member's undisputed owned partitions of existing topics
     */
    StickyAssignorUniformPlan(List<TopicPartition> allPartitions, List<String> members,
                              Map<String, List<TopicPartition>> owned, StickyAssignorRacks racks) {
        this.allPartitions = allPartitions;
        this.members = members;
        this.owned = owned;
        this.racks = racks;
        this.minQuota = allPartitions.size() / members.size();
        this.maxPlacesLeft = allPartitions.size() % members.size();
    }

    Map<String, List<TopicPartition>> assign() {
        keepOwned();
        Set<TopicPartition> kept = new HashSet<>();
        assignment.values().forEach(kept::addAll);
        List<TopicPartition> free = new ArrayList<>();
        for (TopicPartition tp : allPartitions) {
            if (!kept.contains(tp)) {
                free.add(tp);
            }
        }
        free = racks.hardestToPlaceLocallyFirst(free);
        if (racks.enabled()) {
            assignOnRacks(free);
        }
        fill(free);
        return assignment;
    }

    private void keepOwned() {
        Map<String, List<TopicPartition>> keepable = new LinkedHashMap<>();
        for (String member : members) {
            List<TopicPartition> mine = new ArrayList<>();
            for (TopicPartition tp : owned.getOrDefault(member, List.of())) {
                if (racks.betterElsewhere(member, tp, members)) {
                    releasedForLocality.put(tp, member);
                } else {
                    mine.add(tp);
                }
            }
            // Which ones a member keeps when it has too many: the lowest partition numbers,
            // across topics, as Kafka does.
            mine.sort(Comparator.comparingInt(TopicPartition::partition).thenComparing(TopicPartition::topic));
            keepable.put(member, mine);
            assignment.put(member, new ArrayList<>());
        }
        // Every member owning more than min gains one kept partition from a max place, so the
        // order they get them in does not change how many partitions stay put.
        for (String member : members) {
            List<TopicPartition> mine = keepable.get(member);
            int keep = Math.min(mine.size(), minQuota);
            if (mine.size() > minQuota && maxPlacesLeft > 0) {
                keep = minQuota + 1;
                maxPlacesLeft--;
            }
            assignment.get(member).addAll(mine.subList(0, keep));
        }
        for (String member : members) {
            int count = assignment.get(member).size();
            if (count < minQuota) {
                belowMin.add(member);
            } else if (count == minQuota && maxPlacesLeft > 0) {
                atMin.add(member);
            }
        }
    }

    /** Places what it can on the members' racks; what is placed is removed from {@code free}. */
    private void assignOnRacks(List<TopicPartition> free) {
        int turn = 0;
        for (Iterator<TopicPartition> it = free.iterator(); it.hasNext();) {
            TopicPartition tp = it.next();
            int index = nextOnRack(tp, belowMin, turn);
            if (index >= 0) {
                String member = belowMin.get(index);
                boolean left = give(tp, member);
                turn = belowMin.isEmpty() ? 0 : (left ? index : index + 1) % belowMin.size();
                it.remove();
                continue;
            }
            if (!atMin.isEmpty()) {
                for (String member : atMin) {
                    if (racks.matches(member, tp)) {
                        give(tp, member);
                        it.remove();
                        break;
                    }
                }
            }
        }
    }

    private void fill(List<TopicPartition> free) {
        int turn = 0;
        for (TopicPartition tp : free) {
            String owner = releasedForLocality.get(tp);
            if (owner != null && (belowMin.contains(owner) || atMin.contains(owner))) {
                int index = belowMin.indexOf(owner);
                if (give(tp, owner) && index < turn) {
                    turn--;
                }
                turn = belowMin.isEmpty() ? 0 : turn % belowMin.size();
            } else if (!belowMin.isEmpty()) {
                String member = belowMin.get(turn);
                boolean left = give(tp, member);
                turn = belowMin.isEmpty() ? 0 : (left ? turn : turn + 1) % belowMin.size();
            } else if (!atMin.isEmpty()) {
                give(tp, atMin.first());
            } else {
                throw new IllegalStateException("No member has room for " + tp + ": the quotas do not add up");
            }
        }
    }

    /**
     * Gives the partition to a member below min or at min, updating who has room.
     *
     * @return true when the member left the below-min list
     */
    private boolean give(TopicPartition tp, String member) {
        List<TopicPartition> mine = assignment.get(member);
        mine.add(tp);
        if (atMin.remove(member)) {
            // It took one of the max places.
            maxPlacesLeft--;
            if (maxPlacesLeft == 0) {
                atMin.clear();
            }
            return false;
        }
        if (mine.size() == minQuota) {
            belowMin.remove(member);
            if (maxPlacesLeft > 0) {
                atMin.add(member);
            }
            return true;
        }
        return false;
    }

    /** The index of the first member from {@code start} on (wrapping) on a rack of the partition, or -1. */
    private int nextOnRack(TopicPartition tp, List<String> candidates, int start) {
        for (int i = 0; i < candidates.size(); i++) {
            int index = (start + i) % candidates.size();
            if (racks.matches(candidates.get(index), tp)) {
                return index;
            }
        }
        return -1;
    }
}
