package io.samsa.tools.configs;

import io.samsa.clients.admin.ConfigEntry;
import io.samsa.common.config.ConfigResource;

/**
 * The kinds of entity {@code samsa-configs} describes and alters, under Kafka's
 * {@code --entity-type} names, each with its config resource type and the source of its dynamic
 * values (what {@code --describe} shows without {@code --all}).
 */
enum EntityType {
    TOPICS("topics", "topic", ConfigResource.Type.TOPIC),
    BROKERS("brokers", "broker", ConfigResource.Type.BROKER);

    /** Kafka's other entity types, which this tool does not handle. */
    static final String UNSUPPORTED = "users, clients, ips, broker-loggers, client-metrics";

    private final String label;
    private final String singular;
    private final ConfigResource.Type resourceType;

    EntityType(String label, String singular, ConfigResource.Type resourceType) {
        this.label = label;
        this.singular = singular;
        this.resourceType = resourceType;
    }

    /** {@code topics} or {@code brokers}, as on the command line. */
    String label() {
        return label;
    }

    /** {@code topic} or {@code broker}, as in Kafka's messages. */
    String singular() {
        return singular;
    }

    ConfigResource resource(String name) {
        return new ConfigResource(resourceType, name);
    }

    /** Where an entity's own dynamic values come from: a topic's, a broker's, or the brokers' default ({@code name} empty). */
    ConfigEntry.ConfigSource dynamicSource(String name) {
        if (this == TOPICS) {
            return ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
        }
        return name.isEmpty() ? ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG : ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
    }
}
