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
 * AlterConfigs (v0-2), the legacy whole-set form: the entries sent become the topic's complete
 * overrides (keys left out return to their defaults); every broker applies the change at once.
 * Broker resources are refused: this broker's own configuration is static. Thread-safe.
 */
public final class AlterConfigsHandler implements ApiHandler {

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
    public void handle(Request request, Struct body) {
        boolean validateOnly = body.getBoolean("validate_only");
        Struct response = new Struct(ApiKeys.ALTER_CONFIGS.responseSpec().root());
        for (Struct resource : AlterConfigsResults.resources(body)) {
            byte type = resource.getByte("resource_type");
            String name = resource.getString("resource_name");
            ApiError result;
            if (type == AlterConfigsResults.RESOURCE_TOPIC) {
                List<ZkConfigAdmin.AlterOp> entries = new ArrayList<>();
                for (Struct c : AlterConfigsResults.configs(resource)) {
                    entries.add(new ZkConfigAdmin.AlterOp(c.getString("name"), ZkConfigAdmin.OP_SET, c.getString("value")));
                }
                result = configAdmin.alterTopic(name, entries, validateOnly);
            } else {
                result = AlterConfigsResults.unsupported(type);
            }
            AlterConfigsResults.add(response, type, name, result);
        }
        request.sendResponse(response);
    }
}
