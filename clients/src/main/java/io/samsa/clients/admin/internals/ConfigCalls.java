package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.AlterConfigOp;
import io.samsa.clients.admin.Config;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.config.ConfigResource;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DescribeConfigsRequest;
import io.samsa.protocol.message.DescribeConfigsResponse;
import io.samsa.protocol.message.IncrementalAlterConfigsRequest;
import io.samsa.protocol.message.IncrementalAlterConfigsResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Describing and changing configurations. A broker's own configuration (and its loggers') lives on
 * that broker, so those resources go to it by id; topics and the cluster-wide broker default go to
 * any broker, all in one request. Thread-safe: each call's state lives on the I/O thread.
 */
public final class ConfigCalls {

    private final CallRunner runner;

    public ConfigCalls(CallRunner runner) {
        this.runner = runner;
    }

    /** Where requests about {@code resource} must go. */
    static Destination destination(ConfigResource resource) {
        boolean ownBroker = (resource.type() == ConfigResource.Type.BROKER && !resource.isDefault())
                || resource.type() == ConfigResource.Type.BROKER_LOGGER;
        return ownBroker ? Destination.broker(Integer.parseInt(resource.name())) : Destination.any();
    }

    public Map<ConfigResource, CompletableFuture<Config>> describe(Collection<ConfigResource> resources,
                                                                   boolean includeSynonyms, boolean includeDocumentation,
                                                                   Integer timeoutMs) {
        return runner.call("describeConfigs", runner.deadline(timeoutMs), resources, Router.fixed(ConfigCalls::destination),
                new DescribeConfigs(includeSynonyms, includeDocumentation));
    }

    public Map<ConfigResource, CompletableFuture<Void>> incrementalAlter(Map<ConfigResource, Collection<AlterConfigOp>> changes,
                                                                         boolean validateOnly, Integer timeoutMs) {
        return runner.call("incrementalAlterConfigs", runner.deadline(timeoutMs), changes.keySet(),
                Router.fixed(ConfigCalls::destination), new IncrementalAlterConfigs(changes, validateOnly));
    }

    private record DescribeConfigs(boolean includeSynonyms, boolean includeDocumentation)
            implements Fulfiller<ConfigResource, Config> {

        @Override
        public ClientRequest request(Destination destination, Set<ConfigResource> keys, int timeoutMs) {
            List<DescribeConfigsRequest.DescribeConfigsResource> list = new ArrayList<>();
            for (ConfigResource r : keys) {
                list.add(new DescribeConfigsRequest.DescribeConfigsResource().setResourceType(r.type().id())
                        .setResourceName(r.name()).setConfigurationKeys(null));
            }
            DescribeConfigsRequest body = new DescribeConfigsRequest().setResources(list).setIncludeSynonyms(includeSynonyms)
                    .setIncludeDocumentation(includeDocumentation);
            short min = (short) (includeDocumentation ? 3 : includeSynonyms ? 1 : 0);
            return ClientRequest.of(ApiKeys.DESCRIBE_CONFIGS, min, ApiKeys.DESCRIBE_CONFIGS.latestVersion(), v -> body);
        }

        @Override
        public void onResponse(Destination destination, Set<ConfigResource> keys, ClientResponse response,
                               Outcomes<ConfigResource, Config> out) {
            DescribeConfigsResponse body = response.bodyAs();
            for (DescribeConfigsResponse.DescribeConfigsResult r : body.results()) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.forId(r.resourceType()), r.resourceName());
                Errors error = Errors.forCode(r.errorCode());
                if (error != Errors.NONE) {
                    out.fail(resource, error.exception(r.errorMessage()));
                    continue;
                }
                List<ConfigEntry> entries = new ArrayList<>();
                for (DescribeConfigsResponse.DescribeConfigsResourceResult c : r.configs()) {
                    entries.add(entry(c, response.version()));
                }
                out.complete(resource, new Config(entries));
            }
        }

        private static ConfigEntry entry(DescribeConfigsResponse.DescribeConfigsResourceResult c, short version) {
            ConfigEntry.ConfigSource source = version == 0
                    ? (c.isDefault() ? ConfigEntry.ConfigSource.DEFAULT_CONFIG : ConfigEntry.ConfigSource.UNKNOWN)
                    : ConfigEntries.source(c.configSource());
            List<ConfigEntry.ConfigSynonym> synonyms = new ArrayList<>();
            for (DescribeConfigsResponse.DescribeConfigsSynonym s : c.synonyms()) {
                synonyms.add(new ConfigEntry.ConfigSynonym(s.name(), s.value(), ConfigEntries.source(s.source())));
            }
            return new ConfigEntry(c.name(), c.value(), source, c.isSensitive(), c.readOnly(), synonyms,
                    ConfigEntries.type(c.configType()), c.documentation());
        }
    }

    private record IncrementalAlterConfigs(Map<ConfigResource, Collection<AlterConfigOp>> changes, boolean validateOnly)
            implements Fulfiller<ConfigResource, Void> {

        @Override
        public ClientRequest request(Destination destination, Set<ConfigResource> keys, int timeoutMs) {
            List<IncrementalAlterConfigsRequest.AlterConfigsResource> list = new ArrayList<>();
            for (ConfigResource r : keys) {
                List<IncrementalAlterConfigsRequest.AlterableConfig> configs = new ArrayList<>();
                for (AlterConfigOp op : changes.get(r)) {
                    configs.add(new IncrementalAlterConfigsRequest.AlterableConfig().setName(op.configEntry().name())
                            .setConfigOperation(op.opType().id()).setValue(op.configEntry().value()));
                }
                list.add(new IncrementalAlterConfigsRequest.AlterConfigsResource().setResourceType(r.type().id())
                        .setResourceName(r.name()).setConfigs(configs));
            }
            return ClientRequest.of(new IncrementalAlterConfigsRequest().setResources(list).setValidateOnly(validateOnly));
        }

        @Override
        public void onResponse(Destination destination, Set<ConfigResource> keys, ClientResponse response,
                               Outcomes<ConfigResource, Void> out) {
            IncrementalAlterConfigsResponse body = response.bodyAs();
            for (IncrementalAlterConfigsResponse.AlterConfigsResourceResponse r : body.responses()) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.forId(r.resourceType()), r.resourceName());
                Errors error = Errors.forCode(r.errorCode());
                if (error == Errors.NONE) {
                    out.complete(resource, null);
                } else {
                    out.fail(resource, error.exception(r.errorMessage()));
                }
            }
        }
    }
}
