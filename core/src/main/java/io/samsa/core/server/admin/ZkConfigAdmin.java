package io.samsa.core.server.admin;

import io.samsa.common.Errors;
import io.samsa.common.config.ConfigException;
import io.samsa.core.log.LogConfig;
import io.samsa.core.server.admin.AdminManager.ApiError;
import io.samsa.zk.ConfigEntityZNode;
import io.samsa.zk.SamsaZkClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes topic configurations at runtime, as a ZooKeeper-mode Kafka broker does for
 * AlterConfigs and IncrementalAlterConfigs: it computes the topic's new overrides, validates them
 * as a {@link LogConfig} over the broker's defaults, then writes {@code /config/topics/<topic>}
 * and a {@code /config/changes/config_change_<seq>} notification, on which every broker (this one
 * included, through its {@link DynamicConfigManager}) applies them to its logs. Thread-safe;
 * concurrent changes to one topic are last-writer-wins, as in Kafka.
 */
public final class ZkConfigAdmin {

    private static final Logger log = LoggerFactory.getLogger(ZkConfigAdmin.class);

    public static final byte OP_SET = 0;
    public static final byte OP_DELETE = 1;
    public static final byte OP_APPEND = 2;
    public static final byte OP_SUBTRACT = 3;

    /** One requested change: AlterConfigs sends only sets (its null values are refused). */
    public record AlterOp(String name, byte op, String value) {
    }

    private final SamsaZkClient zk;
    private final TopicConfigs topicConfigs;

    public ZkConfigAdmin(SamsaZkClient zk, TopicConfigs topicConfigs) {
        this.zk = zk;
        this.topicConfigs = topicConfigs;
    }

    /** IncrementalAlterConfigs for one topic: set, delete, append to or subtract from single keys. */
    public ApiError incrementalAlterTopic(String topic, List<AlterOp> ops, boolean validateOnly) {
        ApiError problem = checkTopicAndNames(topic, ops);
        if (problem != null) {
            return problem;
        }
        Map<String, String> overrides = new LinkedHashMap<>(topicConfigs.overrides(topic));
        LogConfig current = topicConfigs.brokerDefaults().withOverrides(overrides);
        for (AlterOp op : ops) {
            String name = op.name();
            switch (op.op()) {
                case OP_SET -> {
                    if (op.value() == null) {
                        return new ApiError(Errors.INVALID_REQUEST, "Null value not supported for : " + name);
                    }
                    overrides.put(name, op.value());
                }
                case OP_DELETE -> overrides.remove(name);
                case OP_APPEND, OP_SUBTRACT -> {
                    if (!LogConfig.names().contains(name)) {
                        return new ApiError(Errors.INVALID_CONFIG, "Unknown topic config name: " + name);
                    }
                    if (!LogConfig.isListType(name)) {
                        return new ApiError(Errors.INVALID_CONFIG, "Config value " + (op.op() == OP_APPEND ? "append"
                                : "subtract") + " is not allowed for config key: " + name);
                    }
                    List<String> values = new ArrayList<>(current.getList(name));
                    List<String> given = op.value() == null ? List.of() : Arrays.stream(op.value().split(","))
                            .map(String::trim).filter(v -> !v.isEmpty()).toList();
                    if (op.op() == OP_APPEND) {
                        for (String v : given) {
                            if (!values.contains(v)) {
                                values.add(v);
                            }
                        }
                    } else {
                        values.removeAll(given);
                    }
                    overrides.put(name, String.join(",", values));
                }
                default -> {
                    return new ApiError(Errors.INVALID_REQUEST, "Unknown config operation " + op.op() + " for " + name);
                }
            }
        }
        return validateAndWrite(topic, overrides, validateOnly);
    }

    /** AlterConfigs for one topic: the given entries replace all of the topic's overrides. */
    public ApiError alterTopic(String topic, List<AlterOp> entries, boolean validateOnly) {
        ApiError problem = checkTopicAndNames(topic, entries);
        if (problem != null) {
            return problem;
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (AlterOp e : entries) {
            if (e.value() == null) {
                return new ApiError(Errors.INVALID_REQUEST, "Null value not supported for : " + e.name());
            }
            overrides.put(e.name(), e.value());
        }
        return validateAndWrite(topic, overrides, validateOnly);
    }

    private ApiError checkTopicAndNames(String topic, List<AlterOp> ops) {
        if (topic == null || topic.isEmpty()) {
            return new ApiError(Errors.INVALID_REQUEST, "Topic name must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (AlterOp op : ops) {
            if (!seen.add(op.name())) {
                return new ApiError(Errors.INVALID_REQUEST, "Error due to duplicate config keys: " + op.name());
            }
        }
        if (!zk.topics().exists(topic)) {
            return new ApiError(Errors.UNKNOWN_TOPIC_OR_PARTITION, "The topic '" + topic + "' does not exist.");
        }
        return null;
    }

    private ApiError validateAndWrite(String topic, Map<String, String> overrides, boolean validateOnly) {
        for (String name : overrides.keySet()) {
            if (!LogConfig.names().contains(name)) {
                return new ApiError(Errors.INVALID_CONFIG, "Unknown topic config name: " + name);
            }
        }
        try {
            topicConfigs.brokerDefaults().withOverrides(overrides);
        } catch (ConfigException e) {
            return new ApiError(Errors.INVALID_CONFIG, e.getMessage());
        }
        if (!validateOnly) {
            zk.configs().set(ConfigEntityZNode.TOPICS, topic, overrides);
            log.info("Updated the configuration of topic {} to {}", topic, overrides);
        }
        return ApiError.NONE;
    }
}
