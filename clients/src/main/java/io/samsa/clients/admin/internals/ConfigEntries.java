package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.ConfigEntry;

/** The wire ids of config sources and types, as DescribeConfigs and CreateTopics report them. Stateless. */
final class ConfigEntries {

    private ConfigEntries() {
    }

    static ConfigEntry.ConfigSource source(byte id) {
        return switch (id) {
            case 1 -> ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
            case 2 -> ConfigEntry.ConfigSource.DYNAMIC_BROKER_CONFIG;
            case 3 -> ConfigEntry.ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG;
            case 4 -> ConfigEntry.ConfigSource.STATIC_BROKER_CONFIG;
            case 5 -> ConfigEntry.ConfigSource.DEFAULT_CONFIG;
            case 6 -> ConfigEntry.ConfigSource.DYNAMIC_BROKER_LOGGER_CONFIG;
            case 7 -> ConfigEntry.ConfigSource.DYNAMIC_CLIENT_METRICS_CONFIG;
            default -> ConfigEntry.ConfigSource.UNKNOWN;
        };
    }

    static ConfigEntry.ConfigType type(byte id) {
        ConfigEntry.ConfigType[] types = ConfigEntry.ConfigType.values();
        return id > 0 && id < types.length ? types[id] : ConfigEntry.ConfigType.UNKNOWN;
    }
}
