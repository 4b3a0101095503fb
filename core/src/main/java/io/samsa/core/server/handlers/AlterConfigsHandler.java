package io.samsa.core.server.handlers;

import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.ZkConfigAdmin;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.AlterConfigsRequest;
import io.samsa.protocol.message.AlterConfigsResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * AlterConfigs (v0-2), the legacy whole-set form: the entries sent become the topic's complete
 * overrides (keys left out return to their defaults); every broker applies the change at once.
 * Broker resources are refused: this broker's own configuration is static. Thread-safe.
 */
public final class AlterConfigsHandler implements ApiHandler<AlterConfigsRequest> {

    private final ZkConfigAdmin configAdmin;

    public AlterConfigsHandler(ZkConfigAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.ALTER_CONFIGS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 2;
    }

    @Override
    public void handle(Request request, AlterConfigsRequest body) {
        boolean validateOnly = body.validateOnly();
        AlterConfigsResponse response = new AlterConfigsResponse();
        AlterConfigsResults.alterEach(body.resources(), AlterConfigsRequest.AlterConfigsResource::resourceType,
                AlterConfigsRequest.AlterConfigsResource::resourceName,
                (topic, resource) -> {
                    // AlterConfigs replaces a topic's whole set: every entry is a SET.
                    List<ZkConfigAdmin.AlterOp> entries = new ArrayList<>();
                    for (AlterConfigsRequest.AlterableConfig c : resource.configs()) {
                        entries.add(new ZkConfigAdmin.AlterOp(c.name(), ZkConfigAdmin.OP_SET, c.value()));
                    }
                    return configAdmin.alterTopic(topic, entries, validateOnly);
                },
                (type, name, result) -> response.responses().add(new AlterConfigsResponse.AlterConfigsResourceResponse()
                        .setErrorCode(result.error().code())
                        .setErrorMessage(result.message())
                        .setResourceType(type)
                        .setResourceName(name)));
        request.sendResponse(response);
    }
}
