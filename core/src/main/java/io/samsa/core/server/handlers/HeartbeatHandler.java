package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.HeartbeatRequest;
import io.samsa.protocol.message.HeartbeatResponse;

/**
 * Heartbeat: keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin.
 * Thread-safe.
 */
public final class HeartbeatHandler implements ApiHandler<HeartbeatRequest> {

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
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, HeartbeatRequest body) {
        coordinator.heartbeat(body.groupId(), body.memberId(), body.groupInstanceId(), body.generationId(),
                error -> request.sendResponse(new HeartbeatResponse().setErrorCode(error.code())));
    }
}
