package io.samsa.core.server.handlers;

import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.ZkConfigAdmin;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.IncrementalAlterConfigsRequest;
import io.samsa.protocol.message.IncrementalAlterConfigsResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * IncrementalAlterConfigs (v0-1): set, delete, append to or subtract from single topic configs;
 * every broker applies the change at once. This broker's own configuration is static: a broker
 * resource may only delete keys (there is no dynamic override to delete, which succeeds as in
 * Kafka); setting one is refused. Thread-safe.
 */
public final class IncrementalAlterConfigsHandler implements ApiHandler<IncrementalAlterConfigsRequest> {

    private final ZkConfigAdmin configAdmin;
    private final int brokerId;

    public IncrementalAlterConfigsHandler(ZkConfigAdmin configAdmin, int brokerId) {
        this.configAdmin = configAdmin;
        this.brokerId = brokerId;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INCREMENTAL_ALTER_CONFIGS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 1;
    }

    @Override
    public void handle(Request request, IncrementalAlterConfigsRequest body) {
        boolean validateOnly = body.validateOnly();
        IncrementalAlterConfigsResponse response = new IncrementalAlterConfigsResponse();
        AlterConfigsResults.alterEach(body.resources(), IncrementalAlterConfigsRequest.AlterConfigsResource::resourceType,
                IncrementalAlterConfigsRequest.AlterConfigsResource::resourceName,
                (topic, resource) -> {
                    List<ZkConfigAdmin.AlterOp> ops = new ArrayList<>();
                    for (IncrementalAlterConfigsRequest.AlterableConfig c : resource.configs()) {
                        ops.add(new ZkConfigAdmin.AlterOp(c.name(), c.configOperation(), c.value()));
                    }
                    return configAdmin.incrementalAlterTopic(topic, ops, validateOnly);
                },
                (broker, resource) -> {
                    List<Byte> operations = new ArrayList<>();
                    resource.configs().forEach(c -> operations.add(c.configOperation()));
                    return AlterConfigsResults.deleteBrokerOverrides(brokerId, broker, operations);
                },
                (type, name, result) -> response.responses().add(new IncrementalAlterConfigsResponse.AlterConfigsResourceResponse()
                        .setErrorCode(result.error().code())
                        .setErrorMessage(result.message())
                        .setResourceType(type)
                        .setResourceName(name)));
        request.sendResponse(response);
    }
}
