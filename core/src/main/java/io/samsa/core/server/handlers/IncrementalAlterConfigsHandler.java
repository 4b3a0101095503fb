package io.samsa.core.server.handlers;

import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.admin.AdminManager.ApiError;
import io.samsa.core.server.admin.ZkConfigAdmin;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.List;

/**
 * IncrementalAlterConfigs (v0-1): set, delete, append to or subtract from single topic configs;
 * every broker applies the change at once. Broker resources are refused: this broker's own
 * configuration is static. Thread-safe.
 */
public final class IncrementalAlterConfigsHandler implements ApiHandler {

    private final ZkConfigAdmin configAdmin;

    public IncrementalAlterConfigsHandler(ZkConfigAdmin configAdmin) {
        this.configAdmin = configAdmin;
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
    public void handle(Request request, Struct body) {
        boolean validateOnly = body.getBoolean("validate_only");
        Struct response = new Struct(ApiKeys.INCREMENTAL_ALTER_CONFIGS.responseSpec().root());
        for (Struct resource : AlterConfigsResults.resources(body)) {
            byte type = resource.getByte("resource_type");
            String name = resource.getString("resource_name");
            ApiError result;
            if (type == AlterConfigsResults.RESOURCE_TOPIC) {
                List<ZkConfigAdmin.AlterOp> ops = new ArrayList<>();
                for (Struct c : AlterConfigsResults.configs(resource)) {
                    ops.add(new ZkConfigAdmin.AlterOp(c.getString("name"), c.getByte("config_operation"), c.getString("value")));
                }
                result = configAdmin.incrementalAlterTopic(name, ops, validateOnly);
            } else {
                result = AlterConfigsResults.unsupported(type);
            }
            AlterConfigsResults.add(response, type, name, result);
        }
        request.sendResponse(response);
    }
}
