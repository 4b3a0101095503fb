package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.BrokerConfig;
import io.samsa.core.server.admin.ConfigEntry;
import io.samsa.core.server.admin.ConfigSynonyms;
import io.samsa.core.server.admin.TopicConfigs;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.common.config.ConfigDef;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DescribeConfigs for topics (every topic-level key with its value and source) and for this
 * broker (its static configuration), with each key's synonyms when asked (v1+). Thread-safe.
 */
public final class DescribeConfigsHandler implements ApiHandler {

    private static final byte RESOURCE_TOPIC = 2;
    private static final byte RESOURCE_BROKER = 4;

    private final TopicConfigs topicConfigs;
    private final MetadataCache metadata;
    private final BrokerConfig brokerConfig;

    public DescribeConfigsHandler(TopicConfigs topicConfigs, MetadataCache metadata, BrokerConfig brokerConfig) {
        this.topicConfigs = topicConfigs;
        this.metadata = metadata;
        this.brokerConfig = brokerConfig;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CONFIGS;
    }

    @Override
    public short minVersion() {
        return 1;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, Struct body) {
        Struct response = new Struct(ApiKeys.DESCRIBE_CONFIGS.responseSpec().root());
        boolean synonyms = request.version() >= 1 && body.getBoolean("include_synonyms");
        for (Struct resource : body.getStructArray("resources")) {
            byte type = resource.getByte("resource_type");
            String name = resource.getString("resource_name");
            List<String> keys = resource.getStringArray("configuration_keys");
            Set<String> wanted = keys == null ? null : new HashSet<>(keys);
            Struct result = response.addElement("results")
                    .set("resource_type", type)
                    .set("resource_name", name);
            List<ConfigEntry> entries;
            Map<String, String> overrides = Map.of();
            if (type == RESOURCE_TOPIC) {
                if (metadata.snapshot().topic(name).isEmpty()) {
                    result.set("error_code", Errors.UNKNOWN_TOPIC_OR_PARTITION.code())
                            .set("error_message", "Topic " + name + " does not exist");
                    continue;
                }
                overrides = topicConfigs.overrides(name);
                entries = topicConfigs.describe(overrides);
            } else if (type == RESOURCE_BROKER) {
                if (!name.isEmpty() && !name.equals(Integer.toString(brokerConfig.brokerId()))) {
                    result.set("error_code", Errors.INVALID_REQUEST.code())
                            .set("error_message", "This is broker " + brokerConfig.brokerId() + "; ask broker " + name + " itself");
                    continue;
                }
                entries = brokerEntries();
            } else {
                result.set("error_code", Errors.INVALID_REQUEST.code())
                        .set("error_message", "Resource type " + type + " is not supported");
                continue;
            }
            result.set("error_code", Errors.NONE.code());
            for (ConfigEntry e : entries) {
                if (wanted != null && !wanted.contains(e.name())) {
                    continue;
                }
                Struct config = result.addElement("configs")
                        .set("name", e.name())
                        .set("value", e.value())
                        .set("read_only", e.readOnly())
                        .set("config_source", e.source())
                        .set("is_sensitive", e.sensitive())
                        .set("config_type", e.type());
                if (synonyms) {
                    List<ConfigSynonyms.Synonym> list = type == RESOURCE_TOPIC
                            ? ConfigSynonyms.forTopicKey(e.name(), overrides, brokerConfig.originals())
                            : ConfigSynonyms.forBrokerKey(e.name(), brokerConfig.originals(), e.sensitive());
                    for (ConfigSynonyms.Synonym syn : list) {
                        config.addElement("synonyms")
                                .set("name", syn.name())
                                .set("value", syn.value())
                                .set("source", syn.source());
                    }
                }
            }
        }
        request.sendResponse(response);
    }

    private List<ConfigEntry> brokerEntries() {
        List<ConfigEntry> entries = new ArrayList<>();
        for (ConfigDef.Key key : BrokerConfig.DEF.keys()) {
            Object value = brokerConfig.values().get(key.name());
            boolean sensitive = key.type() == io.samsa.common.config.ConfigType.PASSWORD;
            byte source = brokerConfig.isSet(key.name()) ? ConfigEntry.SOURCE_STATIC_BROKER_CONFIG : ConfigEntry.SOURCE_DEFAULT_CONFIG;
            // Read-only, every one: Samsa refuses broker config changes at runtime (AlterConfigs
            // answers that server.properties is static), so tools must not offer to edit them.
            entries.add(new ConfigEntry(key.name(), sensitive ? null : ConfigEntry.format(value), true, source,
                    sensitive, ConfigEntry.typeOf(value)));
        }
        return entries;
    }
}
