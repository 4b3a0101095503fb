package io.samsa.core.server.admin;

import io.samsa.common.config.ConfigDef;
import io.samsa.core.log.LogConfig;
import io.samsa.core.server.BrokerConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The synonyms DescribeConfigs (v1+, {@code include_synonyms}) lists for a config: every place a
 * value for it could come from, highest precedence first, as Kafka reports them. For a topic key:
 * the topic's own override (DYNAMIC_TOPIC_CONFIG), the broker keys set in
 * {@code server.properties} (STATIC_BROKER_CONFIG, e.g. {@code log.retention.hours} for
 * {@code retention.ms}), then the default (DEFAULT_CONFIG) under the broker key that has one.
 * Stateless; thread-safe.
 */
public final class ConfigSynonyms {

    /** One synonym: a key, its value there, and Kafka's source code. */
    public record Synonym(String name, String value, byte source) {
    }

    private ConfigSynonyms() {
    }

    /** The synonyms of topic-level {@code key} for a topic with {@code overrides} on a broker started with {@code brokerProps}. */
    public static List<Synonym> forTopicKey(String key, Map<String, String> overrides, Map<String, ?> brokerProps) {
        List<Synonym> out = new ArrayList<>();
        if (overrides.containsKey(key)) {
            out.add(new Synonym(key, overrides.get(key), ConfigEntry.SOURCE_DYNAMIC_TOPIC_CONFIG));
        }
        List<String> brokerKeys = LogConfig.brokerSynonyms(key);
        for (String b : brokerKeys) {
            Object v = brokerProps.get(b);
            if (v != null) {
                out.add(new Synonym(b, v.toString(), ConfigEntry.SOURCE_STATIC_BROKER_CONFIG));
            }
        }
        for (String b : brokerKeys) {
            ConfigDef.Key def = BrokerConfig.DEF.key(b);
            if (def != null && def.defaultValue() != null && def.defaultValue() != ConfigDef.NO_DEFAULT) {
                out.add(new Synonym(b, ConfigEntry.format(def.defaultValue()), ConfigEntry.SOURCE_DEFAULT_CONFIG));
                return out;
            }
        }
        Object topicDefault = LogConfig.defaults().values().get(key);
        out.add(new Synonym(brokerKeys.isEmpty() ? key : brokerKeys.get(0), ConfigEntry.format(topicDefault),
                ConfigEntry.SOURCE_DEFAULT_CONFIG));
        return out;
    }

    /** The synonyms of a broker key: its value in {@code server.properties}, then its default. */
    public static List<Synonym> forBrokerKey(String key, Map<String, ?> brokerProps, boolean sensitive) {
        List<Synonym> out = new ArrayList<>();
        Object v = brokerProps.get(key);
        if (v != null) {
            out.add(new Synonym(key, sensitive ? null : v.toString(), ConfigEntry.SOURCE_STATIC_BROKER_CONFIG));
        }
        ConfigDef.Key def = BrokerConfig.DEF.key(key);
        if (def != null && def.defaultValue() != null && def.defaultValue() != ConfigDef.NO_DEFAULT) {
            out.add(new Synonym(key, sensitive ? null : ConfigEntry.format(def.defaultValue()),
                    ConfigEntry.SOURCE_DEFAULT_CONFIG));
        }
        return out;
    }
}
