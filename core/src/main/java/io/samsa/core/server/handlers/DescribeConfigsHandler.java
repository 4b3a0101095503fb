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
import io.samsa.protocol.message.DescribeConfigsRequest;
import io.samsa.protocol.message.DescribeConfigsResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DescribeConfigs for topics (every topic-level key with its value and source) and for this
 * broker (its static configuration), with each key's synonyms when asked (v1+); version 0 marks
 * defaults with its {@code is_default} flag. Thread-safe.
 */
public final class DescribeConfigsHandler implements ApiHandler<DescribeConfigsRequest> {

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
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, DescribeConfigsRequest body) {
        DescribeConfigsResponse response = new DescribeConfigsResponse();
        boolean synonyms = body.includeSynonyms();
        // Version 0 tells defaults by a flag; later versions by the source, which it lacks.
        boolean flagDefaults = request.version() == 0;
        for (DescribeConfigsRequest.DescribeConfigsResource resource : body.resources()) {
            byte type = resource.resourceType();
            String name = resource.resourceName();
            List<String> keys = resource.configurationKeys();
            Set<String> wanted = keys == null ? null : new HashSet<>(keys);
            DescribeConfigsResponse.DescribeConfigsResult result = new DescribeConfigsResponse.DescribeConfigsResult()
                    .setResourceType(type)
                    .setResourceName(name);
            response.results().add(result);
            List<ConfigEntry> entries;
            Map<String, String> overrides = Map.of();
            if (type == RESOURCE_TOPIC) {
                if (metadata.snapshot().topic(name).isEmpty()) {
                    result.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code())
                            .setErrorMessage("Topic " + name + " does not exist");
                    continue;
                }
                overrides = topicConfigs.overrides(name);
                entries = topicConfigs.describe(overrides);
            } else if (type == RESOURCE_BROKER) {
                if (!name.isEmpty() && !name.equals(Integer.toString(brokerConfig.brokerId()))) {
                    result.setErrorCode(Errors.INVALID_REQUEST.code())
                            .setErrorMessage("This is broker " + brokerConfig.brokerId() + "; ask broker " + name + " itself");
                    continue;
                }
                entries = brokerEntries();
            } else {
                result.setErrorCode(Errors.INVALID_REQUEST.code())
                        .setErrorMessage("Resource type " + type + " is not supported");
                continue;
            }
            result.setErrorCode(Errors.NONE.code());
            for (ConfigEntry e : entries) {
                if (wanted != null && !wanted.contains(e.name())) {
                    continue;
                }
                DescribeConfigsResponse.DescribeConfigsResourceResult config =
                        new DescribeConfigsResponse.DescribeConfigsResourceResult()
                        .setName(e.name())
                        .setValue(e.value())
                        .setReadOnly(e.readOnly())
                        .setConfigSource(e.source())
                        .setIsDefault(flagDefaults && e.source() == ConfigEntry.SOURCE_DEFAULT_CONFIG)
                        .setIsSensitive(e.sensitive())
                        .setConfigType(e.type());
                result.configs().add(config);
                if (synonyms) {
                    List<ConfigSynonyms.Synonym> list = type == RESOURCE_TOPIC
                            ? ConfigSynonyms.forTopicKey(e.name(), overrides, brokerConfig.originals())
                            : ConfigSynonyms.forBrokerKey(e.name(), brokerConfig.originals(), e.sensitive());
                    for (ConfigSynonyms.Synonym syn : list) {
                        config.synonyms().add(new DescribeConfigsResponse.DescribeConfigsSynonym()
                                .setName(syn.name())
                                .setValue(syn.value())
                                .setSource(syn.source()));
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
