package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.internals.AbstractStickyAssignor.MemberData;
import io.samsa.common.TopicPartition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works out who owns which partition before a sticky assignment, from what members claim. Claims
 * can conflict: a member that missed a rebalance still reports the partitions of its older
 * generation, and a bug or a zombie can make two members of one generation claim the same one. The
 * claim of the highest generation wins; when several members claim a partition in that generation,
 * none of them keeps it. The result does not depend on the order members are looked at. Claims on
 * topics that no longer exist are dropped. Stateless; thread-safe.
 */
final class StickyAssignorPreviousOwners {

    private static final Logger log = LoggerFactory.getLogger(StickyAssignorPreviousOwners.class);

    private StickyAssignorPreviousOwners() {
    }

    /**
     * Each member's partitions that it, and only it, owns as of the highest generation claiming
     * them, in the order it listed them.
     *
     * @param memberData every member's claims, by member id
     * @param existingTopics the topics that still exist
     */
    static Map<String, List<TopicPartition>> resolve(Map<String, MemberData> memberData, Set<String> existingTopics) {
        Map<TopicPartition, Claim> winners = new HashMap<>();
        Set<TopicPartition> contested = new HashSet<>();
        memberData.forEach((member, data) -> {
            int generation = data.generation().orElse(AbstractStickyAssignor.DEFAULT_GENERATION);
            for (TopicPartition tp : data.partitions()) {
                if (!existingTopics.contains(tp.topic())) {
                    continue;
                }
                Claim best = winners.get(tp);
                if (best == null || generation > best.generation) {
                    winners.put(tp, new Claim(member, generation));
                    contested.remove(tp);
                } else if (generation == best.generation && !member.equals(best.member)) {
                    contested.add(tp);
                }
            }
        });
        if (!contested.isEmpty()) {
            log.warn("Partitions {} are claimed by more than one member in the same generation; "
                + "none of them keeps them", contested);
        }

        Map<String, List<TopicPartition>> owned = new LinkedHashMap<>();
        memberData.forEach((member, data) -> {
            List<TopicPartition> mine = new ArrayList<>();
            Set<TopicPartition> seen = new HashSet<>();
            for (TopicPartition tp : data.partitions()) {
                Claim winner = winners.get(tp);
                if (winner != null && winner.member.equals(member) && !contested.contains(tp) && seen.add(tp)) {
                    mine.add(tp);
                }
            }
            owned.put(member, mine);
        });
        return owned;
    }

    private record Claim(String member, int generation) {
    }
}
