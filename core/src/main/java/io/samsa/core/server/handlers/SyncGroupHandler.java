package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.coordinator.group.SyncGroupResult;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SyncGroup v1-v5: the leader hands in the assignment, every member waits for its share. The
 * answer comes once the leader's assignment is written to {@code __consumer_offsets}.
 * Thread-safe.
 */
public final class SyncGroupHandler implements ApiHandler {

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
        return 1;
    }

    @Override
    public short maxVersion() {
        return 5;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        Map<String, byte[]> assignments = new LinkedHashMap<>();
        for (Struct a : body.getStructArray("assignments")) {
            assignments.put(a.getString("member_id"), GroupHandlerSupport.copy(a.getBytes("assignment")));
        }
        GroupRequests.Sync sync = new GroupRequests.Sync(body.getString("group_id"), body.getInt("generation_id"),
                body.getString("member_id"), version >= 3 ? body.getString("group_instance_id") : null,
                version >= 5 ? body.getString("protocol_type") : null, version >= 5 ? body.getString("protocol_name") : null,
                assignments);
        coordinator.syncGroup(sync, result -> request.sendResponse(response(result)));
    }

    private static Struct response(SyncGroupResult r) {
        return new Struct(ApiKeys.SYNC_GROUP.responseSpec().root())
                .set("error_code", r.error().code())
                .set("protocol_type", r.protocolType())
                .set("protocol_name", r.protocolName())
                .set("assignment", r.assignment());
    }
}
