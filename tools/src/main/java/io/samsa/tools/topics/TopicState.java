package io.samsa.tools.topics;

import io.samsa.clients.admin.ConfigEntry;
import io.samsa.common.Uuid;

import java.util.Comparator;
import java.util.List;

/**
 * One topic as {@code --describe} shows it: its partitions, ordered by number, and its config
 * entries as the broker described them. Immutable.
 */
record TopicState(String name, Uuid topicId, boolean internal, List<PartitionState> partitions, List<ConfigEntry> configs) {

    TopicState {
        partitions = List.copyOf(partitions);
        configs = List.copyOf(configs);
    }

    /**
     * The entries Kafka's tool prints after {@code Configs:}: every value that is not the built-in
     * default, so a broker's static {@code min.insync.replicas} shows too. Sorted by name, where
     * Kafka's tool keeps the order its broker happens to answer in (a hash map's), so the line is
     * the same whichever broker answers.
     */
    List<ConfigEntry> nonDefaultConfigs() {
        return configs.stream().filter(e -> !e.isDefault()).sorted(Comparator.comparing(ConfigEntry::name)).toList();
    }

    /**
     * Whether the topic itself overrides a config. {@code --topics-with-overrides} asks this,
     * where Kafka's tool asks {@link #nonDefaultConfigs()} and so lists every topic of a cluster
     * whose brokers set any topic default.
     */
    boolean hasTopicOverrides() {
        return configs.stream().anyMatch(e -> e.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
    }

    /** The first partition's replication factor, as Kafka's tool reports it (0 for no partitions). */
    int replicationFactor() {
        return partitions.isEmpty() ? 0 : partitions.get(0).replicationFactor();
    }
}
