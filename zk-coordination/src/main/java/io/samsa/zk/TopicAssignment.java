package io.samsa.zk;

import io.samsa.common.Uuid;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A topic's id and replica assignment as stored in {@code /brokers/topics/<topic>}: partition →
 * replica broker ids in preference order (the first is the preferred leader), plus the replicas being
 * added or removed by an ongoing reassignment. Immutable.
 *
 * @param topicId {@link Uuid#ZERO} when the znode has no {@code topic_id} (written by an old tool)
 */
public record TopicAssignment(String topic, Uuid topicId, SortedMap<Integer, List<Integer>> partitions,
                              SortedMap<Integer, List<Integer>> addingReplicas,
                              SortedMap<Integer, List<Integer>> removingReplicas) {

    public TopicAssignment {
        partitions = freeze(partitions);
        addingReplicas = freeze(addingReplicas);
        removingReplicas = freeze(removingReplicas);
    }

    /** An assignment with no reassignment in progress. */
    public static TopicAssignment of(String topic, Uuid topicId, Map<Integer, List<Integer>> partitions) {
        return new TopicAssignment(topic, topicId, new TreeMap<>(partitions), new TreeMap<>(), new TreeMap<>());
    }

    public int partitionCount() {
        return partitions.size();
    }

    /** The same topic with a different partition → replicas map; the reassignment state is kept. */
    public TopicAssignment withPartitions(Map<Integer, List<Integer>> newPartitions) {
        return new TopicAssignment(topic, topicId, new TreeMap<>(newPartitions), addingReplicas, removingReplicas);
    }

    /**
     * The same topic with one partition's replicas and reassignment state replaced; empty adding or
     * removing lists leave no entry, as Kafka writes them.
     */
    public TopicAssignment withPartition(int partition, List<Integer> replicas, List<Integer> adding, List<Integer> removing) {
        TreeMap<Integer, List<Integer>> newPartitions = new TreeMap<>(partitions);
        newPartitions.put(partition, replicas);
        return new TopicAssignment(topic, topicId, newPartitions, putOrRemove(addingReplicas, partition, adding),
                putOrRemove(removingReplicas, partition, removing));
    }

    /** Whether a reassignment of any partition is in progress. */
    public boolean isBeingReassigned() {
        return !addingReplicas.isEmpty() || !removingReplicas.isEmpty();
    }

    private static SortedMap<Integer, List<Integer>> putOrRemove(Map<Integer, List<Integer>> map, int partition, List<Integer> value) {
        TreeMap<Integer, List<Integer>> copy = new TreeMap<>(map);
        if (value.isEmpty()) {
            copy.remove(partition);
        } else {
            copy.put(partition, value);
        }
        return copy;
    }

    public TopicAssignment withTopicId(Uuid id) {
        return new TopicAssignment(topic, id, partitions, addingReplicas, removingReplicas);
    }

    private static SortedMap<Integer, List<Integer>> freeze(Map<Integer, List<Integer>> map) {
        TreeMap<Integer, List<Integer>> copy = new TreeMap<>();
        map.forEach((p, replicas) -> copy.put(p, List.copyOf(replicas)));
        return Collections.unmodifiableSortedMap(copy);
    }
}
