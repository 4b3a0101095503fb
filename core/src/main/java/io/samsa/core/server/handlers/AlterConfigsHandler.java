package io.samsa.core.server.handlers;

import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
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
        // AlterConfigs replaces a topic's whole set: every entry is a SET.
        request.sendResponse(AlterConfigsResults.respond(ApiKeys.ALTER_CONFIGS, body, (topic, configs) -> {
            List<ZkConfigAdmin.AlterOp> entries = new ArrayList<>();
            for (Struct c : configs) {
                entries.add(new ZkConfigAdmin.AlterOp(c.getString("name"), ZkConfigAdmin.OP_SET, c.getString("value")));
            }
            return configAdmin.alterTopic(topic, entries, validateOnly);
        }));
    }
}
