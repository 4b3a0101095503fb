package io.samsa.tools.cli;

import io.samsa.clients.admin.ListTopicsOptions;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * The topics a command names, checked against the cluster before anything is changed: each must
 * exist ({@code Topic 'x' does not exist; did you mean 'y'?} otherwise) and each partition named
 * must be one of its topic's ({@code Topic 'x' has no partition 7 (it has 3)}). Tools that take
 * topics and partitions from the command line or a file (consumer group offsets, record deletion,
 * leader election) use it so that a typo fails whole instead of half done. Immutable.
 */
public final class KnownTopics {

    private final Map<String, Integer> partitionCounts;

    KnownTopics(Map<String, Integer> partitionCounts) {
        this.partitionCounts = new TreeMap<>(partitionCounts);
    }

    /**
     * Lists the cluster's topics (internal ones included) and describes those named.
     *
     * @throws ToolFailure naming the first topic that does not exist, with the nearest names
     */
    public static KnownTopics describe(ClusterConnection connection, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Set<String> wanted = new LinkedHashSet<>(topics);
        if (wanted.isEmpty()) {
            return new KnownTopics(Map.of());
        }
        Set<String> all = connection.await(connection.admin().listTopics(new ListTopicsOptions().listInternal(true)).names());
        requireAll(wanted, all);
        Map<String, TopicDescription> descriptions = connection.await(connection.admin().describeTopics(wanted).allTopicNames());
        Map<String, Integer> counts = new TreeMap<>();
        descriptions.forEach((name, d) -> counts.put(name, d.partitions().size()));
        return new KnownTopics(counts);
    }

    /** Fails on the first of {@code wanted} that is not among {@code existing}. */
    static void requireAll(Collection<String> wanted, Collection<String> existing) {
        for (String topic : wanted) {
            if (!existing.contains(topic)) {
                throw new ToolFailure(doesNotExist(topic, existing));
            }
        }
    }

    /** {@code Topic 'x' does not exist}, with the nearest of {@code existing} if any is close. */
    public static String doesNotExist(String topic, Collection<String> existing) {
        return "Topic '" + topic + "' does not exist" + DidYouMean.hint(topic, new TreeSet<>(existing));
    }

    /** Every partition of {@code topic}, in order. */
    public List<TopicPartition> partitionsOf(String topic) {
        int count = count(topic);
        List<TopicPartition> partitions = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        return partitions;
    }

    /** @throws ToolFailure when the partition's topic does not have it */
    public void requirePartition(TopicPartition partition) {
        int count = count(partition.topic());
        if (partition.partition() < 0 || partition.partition() >= count) {
            throw new ToolFailure("Topic '" + partition.topic() + "' has no partition " + partition.partition()
                    + " (it has " + count + ")");
        }
    }

    private int count(String topic) {
        Integer count = partitionCounts.get(topic);
        if (count == null) {
            throw new IllegalArgumentException("topic " + topic + " was not described");
        }
        return count;
    }
}
