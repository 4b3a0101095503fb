package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.coordinator.group.JoinGroupResult;
import io.samsa.core.coordinator.group.Protocol;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.JoinGroupRequest;
import io.samsa.protocol.message.JoinGroupResponse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * JoinGroup: a member (re)joins its group and waits — asynchronously, possibly for the
 * whole rebalance — until the coordinator forms the next generation. From v4 a first join is
 * answered MEMBER_ID_REQUIRED with the id to rejoin with; v5 adds static membership, v9 lets a
 * rejoining static leader skip the assignment. Thread-safe.
 */
public final class JoinGroupHandler implements ApiHandler<JoinGroupRequest> {

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
        return 0;
    }

    @Override
    public short maxVersion() {
        return 9;
    }

    @Override
    public void handle(Request request, JoinGroupRequest body) {
        short version = request.version();
        List<Protocol> protocols = new ArrayList<>();
        for (JoinGroupRequest.JoinGroupRequestProtocol p : body.protocols()) {
            protocols.add(new Protocol(p.name(), GroupHandlerSupport.copy(p.metadata())));
        }
        int sessionTimeout = body.sessionTimeoutMs();
        // v0 has no rebalance timeout: the session timeout bounds the rebalance too.
        int rebalanceTimeout = version >= 1 ? body.rebalanceTimeoutMs() : sessionTimeout;
        GroupRequests.Join join = new GroupRequests.Join(body.groupId(), body.memberId(), body.groupInstanceId(),
                version >= 4, version >= 9, GroupHandlerSupport.clientId(request), GroupHandlerSupport.clientHost(request),
                rebalanceTimeout, sessionTimeout, body.protocolType(), protocols, body.reason());
        coordinator.joinGroup(join, result -> request.sendResponse(response(result, version)));
    }

    private static JoinGroupResponse response(JoinGroupResult r, short version) {
        // Before v7 the protocol name cannot be null on the wire.
        String protocolName = r.protocolName() == null && version < 7 ? "" : r.protocolName();
        JoinGroupResponse response = new JoinGroupResponse()
                .setErrorCode(r.error().code())
                .setGenerationId(r.generationId())
                .setProtocolType(r.protocolType())
                .setProtocolName(protocolName)
                .setLeader(r.leaderId() == null ? "" : r.leaderId())
                // Not ignorable: only v9 can carry it (the coordinator sets it only for v9 joins anyway).
                .setSkipAssignment(version >= 9 && r.skipAssignment())
                .setMemberId(r.memberId());
        for (JoinGroupResult.Member m : r.members()) {
            response.members().add(new JoinGroupResponse.JoinGroupResponseMember()
                    .setMemberId(m.memberId())
                    .setGroupInstanceId(m.groupInstanceId())
                    .setMetadata(ByteBuffer.wrap(m.metadata())));
        }
        return response;
    }
}
