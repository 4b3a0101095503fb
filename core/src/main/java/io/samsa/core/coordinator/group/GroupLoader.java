package io.samsa.core.coordinator.group;

import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the groups of one {@code __consumer_offsets} partition by replaying its records: the
 * last record per key wins and a tombstone erases. Groups with members come back Stable (their
 * members must heartbeat within their sessions), groups without come back Empty, and offsets
 * without any group record form simple groups. Runs on a loader thread; the result is handed
 * to the coordinator thread. Stateless.
 */
final class GroupLoader {

    private static final Logger log = LoggerFactory.getLogger(GroupLoader.class);

    private GroupLoader() {
    }

    /** Replays the partition; null when this broker no longer hosts it. */
    static List<GroupMetadata> load(OffsetsLog offsetsLog, int partition, long now) {
        Map<String, OffsetsTopicRecords.StoredGroup> groups = new LinkedHashMap<>();
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = new LinkedHashMap<>();
        Map<String, Map<TopicPartition, Long>> offsetPositions = new HashMap<>();
        int[] skipped = {0};
        boolean hosted = offsetsLog.replay(partition, (offset, key, value) -> {
            OffsetsTopicRecords.Key k;
            try {
                k = OffsetsTopicRecords.readKey(key);
            } catch (IllegalArgumentException e) {
                skipped[0]++;
                return;
            }
            try {
                if (k instanceof OffsetsTopicRecords.OffsetKey ok) {
                    if (value == null) {
                        remove(offsets, ok.group(), ok.topicPartition());
                        remove(offsetPositions, ok.group(), ok.topicPartition());
                    } else {
                        offsets.computeIfAbsent(ok.group(), g -> new HashMap<>())
                                .put(ok.topicPartition(), OffsetsTopicRecords.readOffsetValue(value));
                        offsetPositions.computeIfAbsent(ok.group(), g -> new HashMap<>()).put(ok.topicPartition(), offset);
                    }
                } else if (value == null) {
                    groups.remove(k.group());
                    groups.put(k.group(), null);
                } else {
                    groups.remove(k.group());
                    groups.put(k.group(), OffsetsTopicRecords.readGroupValue(value));
                }
            } catch (IllegalArgumentException e) {
                skipped[0]++;
            }
        });
        if (!hosted) {
            return null;
        }
        if (skipped[0] > 0) {
            log.warn("Skipped {} unreadable records while loading __consumer_offsets-{}", skipped[0], partition);
        }
        List<GroupMetadata> out = new ArrayList<>();
        for (Map.Entry<String, OffsetsTopicRecords.StoredGroup> e : groups.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> groupOffsets = offsets.remove(e.getKey());
            if (groupOffsets != null && groupOffsets.isEmpty()) {
                groupOffsets = null;
            }
            if (e.getValue() == null && groupOffsets == null) {
                continue;
            }
            out.add(build(e.getKey(), partition, e.getValue(), groupOffsets, offsetPositions.get(e.getKey()), now));
        }
        for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> e : offsets.entrySet()) {
            if (!e.getValue().isEmpty()) {
                out.add(build(e.getKey(), partition, null, e.getValue(), offsetPositions.get(e.getKey()), now));
            }
        }
        return out;
    }

    private static <V> void remove(Map<String, Map<TopicPartition, V>> byGroup, String group, TopicPartition tp) {
        Map<TopicPartition, V> m = byGroup.get(group);
        if (m != null) {
            m.remove(tp);
        }
    }

    private static GroupMetadata build(String groupId, int partition, OffsetsTopicRecords.StoredGroup stored,
                                       Map<TopicPartition, OffsetAndMetadata> offsets, Map<TopicPartition, Long> positions, long now) {
        boolean hasMembers = stored != null && !stored.members().isEmpty() && stored.protocol() != null;
        GroupMetadata group = new GroupMetadata(groupId, partition, hasMembers ? GroupState.STABLE : GroupState.EMPTY, now);
        if (stored != null) {
            group.restore(stored.protocolType(), stored.generation(), hasMembers ? stored.protocol() : null, null,
                    stored.currentStateTimestamp());
        }
        if (hasMembers) {
            for (OffsetsTopicRecords.StoredMember m : stored.members()) {
                MemberMetadata member = new MemberMetadata(m.memberId(), m.groupInstanceId(), m.clientId(), m.clientHost(),
                        m.rebalanceTimeoutMs(), m.sessionTimeoutMs(), stored.protocolType(),
                        List.of(new Protocol(stored.protocol(), m.subscription())));
                member.assignment(m.assignment());
                group.add(member, null);
            }
            if (stored.leader() != null && group.has(stored.leader())) {
                group.restore(stored.protocolType(), stored.generation(), stored.protocol(), stored.leader(),
                        stored.currentStateTimestamp());
            }
            group.refreshSubscribedTopics();
        }
        if (offsets != null) {
            offsets.forEach((tp, o) -> group.loadOffset(tp, o, positions == null ? -1L : positions.getOrDefault(tp, -1L)));
        }
        return group;
    }
}
