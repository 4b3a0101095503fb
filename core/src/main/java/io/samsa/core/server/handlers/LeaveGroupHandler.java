package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.LeaveGroupRequest;
import io.samsa.protocol.message.LeaveGroupResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * LeaveGroup: one member leaves (v0-v2), or a batch of members, possibly named only by
 * static instance id (v3+, as admin tools remove static members). Thread-safe.
 */
public final class LeaveGroupHandler implements ApiHandler<LeaveGroupRequest> {

    private final GroupCoordinator coordinator;

    public LeaveGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LEAVE_GROUP;
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
    public void handle(Request request, LeaveGroupRequest body) {
        short version = request.version();
        List<GroupRequests.LeavingMember> members = new ArrayList<>();
        if (version < 3) {
            members.add(new GroupRequests.LeavingMember(body.memberId(), null, null));
        } else {
            for (LeaveGroupRequest.MemberIdentity m : body.members()) {
                members.add(new GroupRequests.LeavingMember(m.memberId(), m.groupInstanceId(), m.reason()));
            }
        }
        coordinator.leaveGroup(body.groupId(), members, result -> {
            LeaveGroupResponse response = new LeaveGroupResponse();
            if (version < 3) {
                // One member: its error is the answer.
                Errors e = result.error();
                if (e == Errors.NONE && !result.memberErrors().isEmpty()) {
                    e = result.memberErrors().get(0);
                }
                response.setErrorCode(e.code());
            } else {
                response.setErrorCode(result.error().code());
                for (int i = 0; i < result.memberErrors().size(); i++) {
                    GroupRequests.LeavingMember m = members.get(i);
                    response.members().add(new LeaveGroupResponse.MemberResponse()
                            .setMemberId(m.memberId())
                            .setGroupInstanceId(m.groupInstanceId())
                            .setErrorCode(result.memberErrors().get(i).code()));
                }
            }
            request.sendResponse(response);
        });
    }
}
