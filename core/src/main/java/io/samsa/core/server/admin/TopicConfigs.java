package io.samsa.core.server.admin;

import io.samsa.core.log.LogConfig;
import io.samsa.zk.ConfigStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A topic's effective configuration: Kafka's defaults, overridden by the broker's
 * {@code server.properties} log settings, overridden by the topic's own entries in
 * {@code /config/topics/<topic>}. Thread-safe.
 */
public final class TopicConfigs {

    private final ConfigStore store;
    private final LogConfig brokerDefaults;

    public TopicConfigs(ConfigStore store, LogConfig brokerDefaults) {
        this.store = store;
        this.brokerDefaults = brokerDefaults;
    }

    public LogConfig brokerDefaults() {
        return brokerDefaults;
    }

    /** The topic-level overrides stored in ZooKeeper. */
    public Map<String, String> overrides(String topic) {
        return store.topicConfig(topic);
    }

    /** The config a topic's logs run with. */
    public LogConfig logConfig(String topic) {
        return brokerDefaults.withOverrides(overrides(topic));
    }

    /** Every topic-level key with its value and where the value comes from. */
    public List<ConfigEntry> describe(String topic) {
        return describe(overrides(topic));
    }

    public List<ConfigEntry> describe(Map<String, String> overrides) {
        LogConfig effective = brokerDefaults.withOverrides(overrides);
        List<ConfigEntry> entries = new ArrayList<>();
        for (String name : LogConfig.names()) {
            Object value = effective.values().get(name);
            byte source = overrides.containsKey(name) ? ConfigEntry.SOURCE_DYNAMIC_TOPIC_CONFIG
                    : brokerDefaults.isSet(name) ? ConfigEntry.SOURCE_STATIC_BROKER_CONFIG : ConfigEntry.SOURCE_DEFAULT_CONFIG;
            entries.add(new ConfigEntry(name, ConfigEntry.format(value), false, source, false, ConfigEntry.typeOf(value)));
        }
        return entries;
    }
}
