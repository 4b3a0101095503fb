package io.samsa.core.server.handlers;

import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
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
        request.sendResponse(AlterConfigsResults.respond(ApiKeys.INCREMENTAL_ALTER_CONFIGS, body, (topic, configs) -> {
            List<ZkConfigAdmin.AlterOp> ops = new ArrayList<>();
            for (Struct c : configs) {
                ops.add(new ZkConfigAdmin.AlterOp(c.getString("name"), c.getByte("config_operation"), c.getString("value")));
            }
            return configAdmin.incrementalAlterTopic(topic, ops, validateOnly);
        }));
    }
}
