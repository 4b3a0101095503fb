package io.samsa.core.server.admin;

import io.samsa.common.Errors;
import io.samsa.common.config.ConfigException;
import io.samsa.core.admin.AdminException;
import io.samsa.core.admin.ReplicaAssignor;
import io.samsa.core.admin.TopicAdmin;
import io.samsa.core.server.BrokerConfig;
import io.samsa.core.server.TopicNames;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.TopicAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link AdminManager} for a ZooKeeper-mode broker, as Kafka's {@code ZkAdminManager}: resolves
 * the broker defaults, validates topic configs and what this release supports, then hands the
 * ZooKeeper writes to {@link TopicAdmin}; the controller, watching,
 * elects leaders. Thread-safe.
 */
public final class ZkAdminManager implements AdminManager {

    private static final Logger log = LoggerFactory.getLogger(ZkAdminManager.class);

    private final TopicAdmin topics;
    private final TopicConfigs topicConfigs;
    private final int defaultPartitions;
    private final short defaultReplicationFactor;
    private final boolean deleteEnabled;

    public ZkAdminManager(SamsaZkClient zk, BrokerConfig config, TopicConfigs topicConfigs) {
        this.topics = new TopicAdmin(zk, ReplicaAssignor.create());
        this.topicConfigs = topicConfigs;
        this.defaultPartitions = config.getInt(BrokerConfig.NUM_PARTITIONS);
        this.defaultReplicationFactor = config.getShort(BrokerConfig.DEFAULT_REPLICATION_FACTOR);
        this.deleteEnabled = config.getBoolean(BrokerConfig.DELETE_TOPIC_ENABLE);
    }

    @Override
    public CreateResult createTopic(NewTopic topic, boolean validateOnly) {
        boolean explicit = topic.assignments() != null && !topic.assignments().isEmpty();
        if (explicit && (topic.numPartitions() != -1 || topic.replicationFactor() != -1)) {
            return CreateResult.failed(Errors.INVALID_REQUEST,
                    "Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.");
        }
        int partitions = topic.numPartitions() == -1 ? defaultPartitions : topic.numPartitions();
        int rf = explicit ? topic.assignments().values().iterator().next().size()
                : topic.replicationFactor() == -1 ? defaultReplicationFactor : topic.replicationFactor();
        Map<String, String> configs = new LinkedHashMap<>();
        topic.configs().forEach((k, v) -> {
            if (v != null) {
                configs.put(k, v);
            }
        });
        List<ConfigEntry> described;
        try {
            described = topicConfigs.describe(configs);
        } catch (ConfigException e) {
            return CreateResult.failed(Errors.INVALID_CONFIG, e.getMessage());
        }
        try {
            TopicAssignment written = explicit
                    ? topics.createTopic(topic.name(), topic.assignments(), configs, validateOnly)
                    : topics.createTopic(topic.name(), partitions, rf, configs, validateOnly);
            return new CreateResult(ApiError.NONE, written.topicId(), written.partitionCount(),
                    (short) written.partitions().get(0).size(), described);
        } catch (AdminException e) {
            return CreateResult.failed(e.error(), e.getMessage());
        }
    }

    @Override
    public ApiError deleteTopic(String topic) {
        if (!deleteEnabled) {
            return new ApiError(Errors.TOPIC_DELETION_DISABLED, "Topic deletion is disabled (delete.topic.enable=false).");
        }
        if (TopicNames.isInternal(topic)) {
            return new ApiError(Errors.INVALID_TOPIC_EXCEPTION, "Internal topic " + topic + " cannot be deleted.");
        }
        try {
            topics.deleteTopic(topic);
            return ApiError.NONE;
        } catch (AdminException e) {
            return new ApiError(e.error(), e.getMessage());
        }
    }

    @Override
    public ApiError createPartitions(String topic, int totalCount, List<List<Integer>> assignments, boolean validateOnly) {
        try {
            TopicAssignment grown = topics.createPartitions(topic, totalCount, assignments, validateOnly);
            if (!validateOnly) {
                log.info("Grew topic {} to {} partitions", topic, grown.partitionCount());
            }
            return ApiError.NONE;
        } catch (AdminException e) {
            return new ApiError(e.error(), e.getMessage());
        }
    }

    @Override
    public void autoCreate(Collection<String> names) {
        for (String name : names) {
            CreateResult r = createTopic(new NewTopic(name, -1, (short) -1, Map.of(), Map.of()), false);
            if (r.error().isSuccess()) {
                log.info("Auto-created topic {} with {} partitions", name, r.numPartitions());
            } else if (r.error().error() != Errors.TOPIC_ALREADY_EXISTS) {
                log.warn("Could not auto-create topic {}: {} {}", name, r.error().error(), r.error().message());
            }
        }
    }
}
