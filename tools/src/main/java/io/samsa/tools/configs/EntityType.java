package io.samsa.tools.configs;

import io.samsa.clients.admin.ConfigEntry;
import io.samsa.common.config.ConfigResource;

/**
 * The kinds of entity of Kafka's {@code kafka-configs}, under its {@code --entity-type} names. Topics,
 * brokers and broker loggers are configs of the DescribeConfigs and IncrementalAlterConfigs
 * requests, which {@code samsa-configs} sends; each has its config resource type and the source of
 * its dynamic values (what {@code --describe} shows without {@code --all}). The others are read
 * with requests Samsa's admin client does not send, and say why ({@link #unsupported()}).
 */
enum EntityType {
    TOPICS("topics", "topic", ConfigResource.Type.TOPIC, false, null),
    BROKERS("brokers", "broker", ConfigResource.Type.BROKER, true, null),
    BROKER_LOGGERS("broker-loggers", "broker-logger", ConfigResource.Type.BROKER_LOGGER, false, null),
    USERS("users", "user", null, true, "a user's quotas and SCRAM credentials are read and changed with the "
            + "DescribeClientQuotas, AlterClientQuotas, DescribeUserScramCredentials and AlterUserScramCredentials "
            + "requests, which Samsa's admin client does not send and Samsa's brokers do not serve"),
    CLIENTS("clients", "client", null, true, "a client's quotas are read and changed with the DescribeClientQuotas "
            + "and AlterClientQuotas requests, which Samsa's admin client does not send and Samsa's brokers do not serve"),
    IPS("ips", "ip", null, true, "an IP's connection-rate quota is read and changed with the DescribeClientQuotas and "
            + "AlterClientQuotas requests, which Samsa's admin client does not send and Samsa's brokers do not serve"),
    CLIENT_METRICS("client-metrics", "client-metric", null, false, "client-metrics subscriptions (KIP-714) exist in "
            + "KRaft clusters only; a ZooKeeper-mode cluster, Samsa's or Kafka's, has none");

    private final String label;
    private final String singular;
    private final ConfigResource.Type resourceType;
    private final boolean hasDefault;
    private final String unsupported;

    EntityType(String label, String singular, ConfigResource.Type resourceType, boolean hasDefault, String unsupported) {
        this.label = label;
        this.singular = singular;
        this.resourceType = resourceType;
        this.hasDefault = hasDefault;
        this.unsupported = unsupported;
    }

    /** The type labelled {@code label} on the command line, or null. */
    static EntityType of(String label) {
        for (EntityType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        return null;
    }

    /** {@code topics}, {@code brokers}, ..., as on the command line. */
    String label() {
        return label;
    }

    /** {@code topic}, {@code broker}, ..., as in Kafka's messages. */
    String singular() {
        return singular;
    }

    /** Whether the type has a default entity ({@code --entity-default}). */
    boolean hasDefault() {
        return hasDefault;
    }

    /** Whether an entity is named by a broker's id. */
    boolean namedByBrokerId() {
        return this == BROKERS || this == BROKER_LOGGERS;
    }

    /** Why this tool cannot handle the type, or null when it can. */
    String unsupported() {
        return unsupported;
    }

    ConfigResource resource(String name) {
        return new ConfigResource(resourceType, name);
    }

    /**
     * Where an entity's own dynamic values come from: a topic's, a broker's, or the brokers'
     * default ({@code name} empty); null for broker loggers, whose levels are all shown.
     */
    ConfigEntry.ConfigSource dynamicSource(String name) {
        if (this == TOPICS) {
            return ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
        }
        if (this == BROKER_LOGGERS) {
            return null;
        }
        return name.isEmpty() ? ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG : ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
    }
}
