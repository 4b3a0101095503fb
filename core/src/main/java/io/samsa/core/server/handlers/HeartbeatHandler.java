package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

/**
 * Heartbeat v1-v4: keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin.
 * Thread-safe.
 */
public final class HeartbeatHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public HeartbeatHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.HEARTBEAT;
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
        coordinator.heartbeat(body.getString("group_id"), body.getString("member_id"),
                request.version() >= 3 ? body.getString("group_instance_id") : null, body.getInt("generation_id"),
                error -> request.sendResponse(new Struct(ApiKeys.HEARTBEAT.responseSpec().root()).set("error_code", error.code())));
    }
}
