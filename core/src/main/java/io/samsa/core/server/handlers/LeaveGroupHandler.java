package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.coordinator.group.GroupRequests;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.ArrayList;
import java.util.List;

/**
 * LeaveGroup v1-v5: one member leaves (v1-v2), or a batch of members, possibly named only by
 * static instance id (v3+, as admin tools remove static members). Thread-safe.
 */
public final class LeaveGroupHandler implements ApiHandler {

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
        return 1;
    }

    @Override
    public short maxVersion() {
        return 5;
    }

    @Override
    public void handle(Request request, Struct body) {
        short version = request.version();
        List<GroupRequests.LeavingMember> members = new ArrayList<>();
        if (version < 3) {
            members.add(new GroupRequests.LeavingMember(body.getString("member_id"), null, null));
        } else {
            for (Struct m : body.getStructArray("members")) {
                members.add(new GroupRequests.LeavingMember(m.getString("member_id"), m.getString("group_instance_id"),
                        version >= 5 ? m.getString("reason") : null));
            }
        }
        coordinator.leaveGroup(body.getString("group_id"), members, result -> {
            Struct response = new Struct(ApiKeys.LEAVE_GROUP.responseSpec().root());
            if (version < 3) {
                // One member: its error is the answer.
                Errors e = result.error();
                if (e == Errors.NONE && !result.memberErrors().isEmpty()) {
                    e = result.memberErrors().get(0);
                }
                response.set("error_code", e.code());
            } else {
                response.set("error_code", result.error().code());
                for (int i = 0; i < result.memberErrors().size(); i++) {
                    GroupRequests.LeavingMember m = members.get(i);
                    response.addElement("members")
                            .set("member_id", m.memberId())
                            .set("group_instance_id", m.groupInstanceId())
                            .set("error_code", result.memberErrors().get(i).code());
                }
            }
            request.sendResponse(response);
        });
    }
}
