package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.coordinator.group.SyncGroupResult;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.SyncGroupRequest;
import io.samsa.protocol.message.SyncGroupResponse;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SyncGroup: the leader hands in the assignment, every member waits for its share. The
 * answer comes once the leader's assignment is written to {@code __consumer_offsets}.
 * Thread-safe.
 */
public final class SyncGroupHandler implements ApiHandler<SyncGroupRequest> {

    private final GroupCoordinator coordinator;

    public SyncGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.SYNC_GROUP;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 5;
    }

    @Override
    public void handle(Request request, SyncGroupRequest body) {
        Map<String, byte[]> assignments = new LinkedHashMap<>();
        for (SyncGroupRequest.SyncGroupRequestAssignment a : body.assignments()) {
            assignments.put(a.memberId(), GroupHandlerSupport.copy(a.assignment()));
        }
        GroupRequests.Sync sync = new GroupRequests.Sync(body.groupId(), body.generationId(), body.memberId(),
                body.groupInstanceId(), body.protocolType(), body.protocolName(), assignments);
        coordinator.syncGroup(sync, result -> request.sendResponse(response(result)));
    }

    private static SyncGroupResponse response(SyncGroupResult r) {
        return new SyncGroupResponse()
                .setErrorCode(r.error().code())
                .setProtocolType(r.protocolType())
                .setProtocolName(r.protocolName())
                .setAssignment(ByteBuffer.wrap(r.assignment()));
    }
}
