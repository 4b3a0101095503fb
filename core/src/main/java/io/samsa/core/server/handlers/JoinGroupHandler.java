package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.coordinator.group.JoinGroupResult;
import io.samsa.core.coordinator.group.Protocol;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.List;

/**
 * JoinGroup v2-v9: a member (re)joins its group and waits — asynchronously, possibly for the
 * whole rebalance — until the coordinator forms the next generation. From v4 a first join is
 * answered MEMBER_ID_REQUIRED with the id to rejoin with; v5 adds static membership, v9 lets a
 * rejoining static leader skip the assignment. Thread-safe.
 */
public final class JoinGroupHandler implements ApiHandler {

    private final GroupCoordinator coordinator;

    public JoinGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.JOIN_GROUP;
    }

    @Override
    public short minVersion() {
        return 2;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        List<Protocol> protocols = new ArrayList<>();
        for (Struct p : body.getStructArray("protocols")) {
            protocols.add(new Protocol(p.getString("name"), GroupHandlerSupport.copy(p.getBytes("metadata"))));
        }
        int sessionTimeout = body.getInt("session_timeout_ms");
        int rebalanceTimeout = version >= 1 ? body.getInt("rebalance_timeout_ms") : sessionTimeout;
        GroupRequests.Join join = new GroupRequests.Join(body.getString("group_id"), body.getString("member_id"),
                version >= 5 ? body.getString("group_instance_id") : null, version >= 4, version >= 9,
                GroupHandlerSupport.clientId(request), GroupHandlerSupport.clientHost(request), rebalanceTimeout, sessionTimeout,
                body.getString("protocol_type"), protocols, version >= 8 ? body.getString("reason") : null);
        coordinator.joinGroup(join, result -> request.sendResponse(response(result, version)));
    }

    private static Struct response(JoinGroupResult r, short version) {
        Struct response = new Struct(ApiKeys.JOIN_GROUP.responseSpec().root());
        // Before v7 the protocol name cannot be null on the wire.
        String protocolName = r.protocolName() == null && version < 7 ? "" : r.protocolName();
        response.set("error_code", r.error().code())
                .set("generation_id", r.generationId())
                .set("protocol_type", r.protocolType())
                .set("protocol_name", protocolName)
                .set("leader", r.leaderId() == null ? "" : r.leaderId())
                .set("skip_assignment", r.skipAssignment())
                .set("member_id", r.memberId());
        for (JoinGroupResult.Member m : r.members()) {
            response.addElement("members")
                    .set("member_id", m.memberId())
                    .set("group_instance_id", m.groupInstanceId())
                    .set("metadata", m.metadata());
        }
        return response;
    }
}
