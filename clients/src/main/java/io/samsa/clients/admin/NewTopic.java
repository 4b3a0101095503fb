package io.samsa.clients.admin;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A topic to create: its name and either a partition count and replication factor (each may be
 * left to the broker's default) or an explicit replica assignment, plus config overrides.
 * Not thread-safe while {@link #configs(Map)} is being called; effectively immutable after.
 */
public class NewTopic {

    /** The value of {@link #numPartitions()} and {@link #replicationFactor()} when left to the broker. */
    public static final int NO_DEFAULT = -1;

    private final String name;
    private final Optional<Integer> numPartitions;
    private final Optional<Short> replicationFactor;
    private final Map<Integer, List<Integer>> replicasAssignments;
    private Map<String, String> configs;

    public NewTopic(String name, int numPartitions, short replicationFactor) {
        this(name, Optional.of(numPartitions), Optional.of(replicationFactor));
    }

    /** Empty optionals take the broker's {@code num.partitions} and {@code default.replication.factor}. */
    public NewTopic(String name, Optional<Integer> numPartitions, Optional<Short> replicationFactor) {
        this.name = Objects.requireNonNull(name, "name");
        this.numPartitions = Objects.requireNonNull(numPartitions, "numPartitions");
        this.replicationFactor = Objects.requireNonNull(replicationFactor, "replicationFactor");
        this.replicasAssignments = null;
    }

    /** An explicit assignment: partition number to its replicas' broker ids, the preferred leader first. */
    public NewTopic(String name, Map<Integer, List<Integer>> replicasAssignments) {
        this.name = Objects.requireNonNull(name, "name");
        this.numPartitions = Optional.empty();
        this.replicationFactor = Optional.empty();
        Map<Integer, List<Integer>> copy = new LinkedHashMap<>();
        replicasAssignments.forEach((p, replicas) -> copy.put(p, List.copyOf(replicas)));
        this.replicasAssignments = Collections.unmodifiableMap(copy);
    }

    public String name() {
        return name;
    }

    /** The partition count, or {@link #NO_DEFAULT} when the broker chooses (or an assignment is given). */
    public int numPartitions() {
        return numPartitions.orElse(NO_DEFAULT);
    }

    /** The replication factor, or {@link #NO_DEFAULT} when the broker chooses (or an assignment is given). */
    public short replicationFactor() {
        return replicationFactor.orElse((short) NO_DEFAULT);
    }

    /** The explicit assignment, or null. */
    public Map<Integer, List<Integer>> replicasAssignments() {
        return replicasAssignments;
    }

    /** Topic config overrides such as {@code cleanup.policy}; returns this. */
    public NewTopic configs(Map<String, String> configs) {
        this.configs = configs == null ? null : Collections.unmodifiableMap(new HashMap<>(configs));
        return this;
    }

    /** The config overrides, or null when none were set. */
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewTopic that && name.equals(that.name) && numPartitions.equals(that.numPartitions)
                && replicationFactor.equals(that.replicationFactor)
                && Objects.equals(replicasAssignments, that.replicasAssignments) && Objects.equals(configs, that.configs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, numPartitions, replicationFactor, replicasAssignments, configs);
    }

    @Override
    public String toString() {
        return "(name=" + name + ", numPartitions=" + numPartitions.map(String::valueOf).orElse("default")
                + ", replicationFactor=" + replicationFactor.map(String::valueOf).orElse("default")
                + ", replicasAssignments=" + replicasAssignments + ", configs=" + configs + ")";
    }
}
