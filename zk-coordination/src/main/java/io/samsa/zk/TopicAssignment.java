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

    /** The same topic with a different partition → replicas map (reassignment state dropped). */
    public TopicAssignment withPartitions(Map<Integer, List<Integer>> newPartitions) {
        return new TopicAssignment(topic, topicId, new TreeMap<>(newPartitions), addingReplicas, removingReplicas);
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
