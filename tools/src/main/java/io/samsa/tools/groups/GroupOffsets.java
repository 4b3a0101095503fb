package io.samsa.tools.groups;

import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.MemberDescription;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ClusterConnection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Gathers {@code --describe}'s offsets view of a group as Kafka's tool does: the partitions its
 * members are assigned (members with the most partitions first) and then those it has committed
 * offsets for that no member holds, each with its committed offset, log end offset and lag.
 * Stateless.
 */
final class GroupOffsets {

    private GroupOffsets() {
    }

    /** The group's committed offsets, looked up, and its partitions' log end offsets. */
    static GroupSnapshot collect(ClusterConnection connection, ConsumerGroupDescription group)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> committed = committed(connection, group.groupId());
        Set<TopicPartition> partitions = new HashSet<>(committed.keySet());
        group.members().forEach(m -> partitions.addAll(m.assignment().topicPartitions()));
        Map<TopicPartition, Long> logEnd = LogOffsets.latest(connection, partitions);
        return new GroupSnapshot(group, rows(group, committed, logEnd));
    }

    /** The group's committed offsets by partition (partitions without one are absent). */
    static Map<TopicPartition, Long> committed(ClusterConnection connection, String groupId)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                connection.await(connection.admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((p, o) -> {
            if (o != null) {
                committed.put(p, o.offset());
            }
        });
        return committed;
    }

    /**
     * The rows: each member's partitions, members with more partitions first (then by id), each
     * member's partitions in order; then the partitions with a committed offset that no member is
     * assigned, in order.
     */
    static List<PartitionLag> rows(ConsumerGroupDescription group, Map<TopicPartition, Long> committed,
                                   Map<TopicPartition, Long> logEnd) {
        List<PartitionLag> rows = new ArrayList<>();
        Set<TopicPartition> assigned = new HashSet<>();
        List<MemberDescription> members = group.members().stream()
                .filter(m -> !m.assignment().topicPartitions().isEmpty())
                .sorted(Comparator.<MemberDescription>comparingInt(m -> m.assignment().topicPartitions().size()).reversed()
                        .thenComparing(MemberDescription::consumerId))
                .toList();
        for (MemberDescription m : members) {
            for (TopicPartition p : new TreeSet<>(m.assignment().topicPartitions())) {
                assigned.add(p);
                rows.add(new PartitionLag(p, committed.get(p), logEnd.get(p), m.consumerId(), m.host(), m.clientId()));
            }
        }
        for (TopicPartition p : new TreeSet<>(committed.keySet())) {
            if (!assigned.contains(p)) {
                rows.add(new PartitionLag(p, committed.get(p), logEnd.get(p), null, null, null));
            }
        }
        return rows;
    }
}
