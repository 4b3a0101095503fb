package io.samsa.core.server.admin;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;
import io.samsa.common.config.ConfigException;
import io.samsa.core.server.BrokerConfig;
import io.samsa.core.server.TopicNames;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.TopicAssignment;
import io.samsa.zk.TopicExistsException;
import io.samsa.zk.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link TopicAdmin} over ZooKeeper, Kafka's way: validate, then write {@code /config/topics/<t>}
 * and {@code /brokers/topics/<t>} (or {@code /admin/delete_topics/<t>}); the controller watches
 * those znodes and elects leaders. Replicas are placed by {@link ReplicaPlacement} over the live
 * brokers registered in ZooKeeper. Thread-safe.
 */
public final class ZkTopicAdmin implements TopicAdmin {

    private static final Logger log = LoggerFactory.getLogger(ZkTopicAdmin.class);

    /** Replication arrives in a later release; until then every partition has exactly one replica. */
    static final int MAX_SUPPORTED_REPLICATION_FACTOR = 1;

    private final SamsaZkClient zk;
    private final MetadataCache metadata;
    private final TopicConfigs topicConfigs;
    private final int defaultPartitions;
    private final short defaultReplicationFactor;
    private final boolean deleteEnabled;

    public ZkTopicAdmin(SamsaZkClient zk, MetadataCache metadata, BrokerConfig config, TopicConfigs topicConfigs) {
        this.zk = zk;
        this.metadata = metadata;
        this.topicConfigs = topicConfigs;
        this.defaultPartitions = config.getInt(BrokerConfig.NUM_PARTITIONS);
        this.defaultReplicationFactor = config.getShort(BrokerConfig.DEFAULT_REPLICATION_FACTOR);
        this.deleteEnabled = config.getBoolean(BrokerConfig.DELETE_TOPIC_ENABLE);
    }

    @Override
    public CreateResult createTopic(NewTopic topic, boolean validateOnly) {
        String name = topic.name();
        String invalid = TopicNames.invalidReason(name);
        if (invalid != null) {
            return CreateResult.failed(Errors.INVALID_TOPIC_EXCEPTION, invalid);
        }
        boolean explicit = topic.assignments() != null && !topic.assignments().isEmpty();
        if (explicit && (topic.numPartitions() != -1 || topic.replicationFactor() != -1)) {
            return CreateResult.failed(Errors.INVALID_REQUEST,
                    "Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.");
        }
        List<Integer> liveBrokers = new ArrayList<>(zk.brokers().getAll().keySet());
        Map<Integer, List<Integer>> assignment;
        if (explicit) {
            Optional<String> problem = checkAssignment(topic.assignments(), 0, liveBrokers);
            if (problem.isPresent()) {
                return CreateResult.failed(Errors.INVALID_REPLICA_ASSIGNMENT, problem.get());
            }
            assignment = new TreeMap<>(topic.assignments());
        } else {
            int partitions = topic.numPartitions() == -1 ? defaultPartitions : topic.numPartitions();
            int rf = topic.replicationFactor() == -1 ? defaultReplicationFactor : topic.replicationFactor();
            if (partitions <= 0) {
                return CreateResult.failed(Errors.INVALID_PARTITIONS, "Number of partitions must be larger than 0.");
            }
            if (rf <= 0) {
                return CreateResult.failed(Errors.INVALID_REPLICATION_FACTOR, "Replication factor must be larger than 0.");
            }
            if (rf > liveBrokers.size()) {
                return CreateResult.failed(Errors.INVALID_REPLICATION_FACTOR, "Replication factor: " + rf
                        + " larger than available brokers: " + liveBrokers.size() + ".");
            }
            assignment = ReplicaPlacement.assign(partitions, rf, liveBrokers, 0);
        }
        int rf = assignment.values().iterator().next().size();
        if (rf > MAX_SUPPORTED_REPLICATION_FACTOR) {
            return CreateResult.failed(Errors.INVALID_REPLICATION_FACTOR, "Replication factor " + rf
                    + " is not supported yet: this Samsa release stores one replica per partition.");
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : topic.configs().entrySet()) {
            if (e.getValue() != null) {
                configs.put(e.getKey(), e.getValue());
            }
        }
        List<ConfigEntry> described;
        try {
            described = topicConfigs.describe(configs);
        } catch (ConfigException e) {
            return CreateResult.failed(Errors.INVALID_CONFIG, e.getMessage());
        }
        if (zk.topics().exists(name) || metadata.snapshot().topic(name).isPresent()) {
            return CreateResult.failed(Errors.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
        }
        Uuid id = validateOnly ? Uuid.ZERO : Uuid.randomUuid();
        if (!validateOnly) {
            try {
                zk.topics().create(TopicAssignment.of(name, id, assignment), configs);
            } catch (TopicExistsException e) {
                return CreateResult.failed(Errors.TOPIC_ALREADY_EXISTS, e.getMessage());
            }
        }
        return new CreateResult(ApiError.NONE, id, assignment.size(), (short) rf, described);
    }

    /** Null when the explicit assignment is valid for partitions numbered from {@code firstPartition}. */
    private static Optional<String> checkAssignment(Map<Integer, List<Integer>> assignments, int firstPartition, List<Integer> live) {
        int rf = -1;
        for (int p = firstPartition; p < firstPartition + assignments.size(); p++) {
            List<Integer> replicas = assignments.get(p);
            if (replicas == null) {
                return Optional.of("Partitions must be numbered consecutively from " + firstPartition + "; " + p + " is missing.");
            }
            if (replicas.isEmpty()) {
                return Optional.of("Partition " + p + " has no replicas.");
            }
            if (new HashSet<>(replicas).size() != replicas.size()) {
                return Optional.of("Duplicate brokers not allowed in replica assignment: " + replicas + " for partition id " + p + ".");
            }
            if (rf != -1 && replicas.size() != rf) {
                return Optional.of("All partitions should have the same number of replicas.");
            }
            rf = replicas.size();
            for (int b : replicas) {
                if (!live.contains(b)) {
                    return Optional.of("Unknown broker " + b + " in the assignment of partition " + p + ".");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public ApiError deleteTopic(String topic) {
        if (!deleteEnabled) {
            return new ApiError(Errors.TOPIC_DELETION_DISABLED, "Topic deletion is disabled (delete.topic.enable=false).");
        }
        if (TopicNames.isInternal(topic)) {
            return new ApiError(Errors.INVALID_TOPIC_EXCEPTION, "Internal topic " + topic + " cannot be deleted.");
        }
        if (!zk.topics().exists(topic)) {
            return new ApiError(Errors.UNKNOWN_TOPIC_OR_PARTITION, "This server does not host this topic-partition.");
        }
        zk.topics().markForDeletion(topic);
        return ApiError.NONE;
    }

    @Override
    public ApiError createPartitions(String topic, int totalCount, List<List<Integer>> assignments, boolean validateOnly) {
        Optional<Versioned<TopicAssignment>> current = zk.topics().get(topic, null);
        if (current.isEmpty() || zk.topics().isMarkedForDeletion(topic)) {
            return new ApiError(Errors.UNKNOWN_TOPIC_OR_PARTITION, "The topic '" + topic + "' does not exist.");
        }
        TopicAssignment existing = current.get().value();
        int oldCount = existing.partitionCount();
        if (totalCount < oldCount) {
            return new ApiError(Errors.INVALID_PARTITIONS, "Topic currently has " + oldCount + " partitions, which is higher than the requested " + totalCount + ".");
        }
        if (totalCount == oldCount) {
            return new ApiError(Errors.INVALID_PARTITIONS, "Topic already has " + oldCount + " partitions.");
        }
        List<Integer> live = new ArrayList<>(zk.brokers().getAll().keySet());
        int rf = existing.partitions().get(0).size();
        Map<Integer, List<Integer>> added;
        if (assignments != null) {
            if (assignments.size() != totalCount - oldCount) {
                return new ApiError(Errors.INVALID_REPLICA_ASSIGNMENT, "Increasing the number of partitions by "
                        + (totalCount - oldCount) + " but " + assignments.size() + " assignments provided.");
            }
            added = new TreeMap<>();
            for (int i = 0; i < assignments.size(); i++) {
                added.put(oldCount + i, assignments.get(i));
            }
            Optional<String> problem = checkAssignment(added, oldCount, live);
            if (problem.isEmpty() && added.get(oldCount).size() != rf) {
                problem = Optional.of("Inconsistent replication factor between partitions, partition 0 has " + rf
                        + " while partitions [" + oldCount + "] have replication factors [" + added.get(oldCount).size() + "], respectively.");
            }
            if (problem.isPresent()) {
                return new ApiError(Errors.INVALID_REPLICA_ASSIGNMENT, problem.get());
            }
        } else {
            if (rf > live.size()) {
                return new ApiError(Errors.INVALID_REPLICATION_FACTOR, "Replication factor " + rf + " larger than available brokers " + live.size());
            }
            added = ReplicaPlacement.assign(totalCount - oldCount, rf, live, oldCount);
        }
        if (validateOnly) {
            return ApiError.NONE;
        }
        Map<Integer, List<Integer>> all = new TreeMap<>(existing.partitions());
        all.putAll(added);
        if (!zk.topics().setAssignment(existing.withPartitions(all), current.get().version())) {
            return new ApiError(Errors.REASSIGNMENT_IN_PROGRESS, "The topic's assignment changed concurrently; retry.");
        }
        log.info("Grew topic {} from {} to {} partitions", topic, oldCount, totalCount);
        return ApiError.NONE;
    }

    @Override
    public void autoCreate(Collection<String> topics) {
        for (String topic : topics) {
            CreateResult r = createTopic(new NewTopic(topic, -1, (short) -1, Map.of(), Map.of()), false);
            if (!r.error().isSuccess() && r.error().error() != Errors.TOPIC_ALREADY_EXISTS) {
                log.warn("Could not auto-create topic {}: {} {}", topic, r.error().error(), r.error().message());
            } else if (r.error().isSuccess()) {
                log.info("Auto-created topic {} with {} partitions", topic, r.numPartitions());
            }
        }
    }
}
