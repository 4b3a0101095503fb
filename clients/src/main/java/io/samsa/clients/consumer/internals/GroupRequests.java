package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.FindCoordinatorRequest;
import io.samsa.protocol.message.HeartbeatRequest;
import io.samsa.protocol.message.LeaveGroupRequest;

import java.util.List;
import java.util.Optional;

/**
 * Builds the small group requests both threads send (FindCoordinator, Heartbeat, LeaveGroup), each
 * with the fields its negotiated version has. Stateless.
 */
final class GroupRequests {

    private GroupRequests() {
    }

    /** FindCoordinator for a group, v0-v3 (v4 batches keys, which a single group does not need). */
    static ClientRequest findCoordinator(String groupId) {
        return ClientRequest.of(ApiKeys.FIND_COORDINATOR, (short) 0, (short) 3, v -> {
            FindCoordinatorRequest r = new FindCoordinatorRequest().setKey(groupId);
            return v >= 1 ? r.setKeyType((byte) 0) : r;
        });
    }

    static ClientRequest heartbeat(String groupId, GroupState.Generation g, Optional<String> instanceId) {
        return ClientRequest.of(ApiKeys.HEARTBEAT, (short) 0, (short) 4, v -> {
            HeartbeatRequest r = new HeartbeatRequest().setGroupId(groupId).setGenerationId(g.generationId())
                    .setMemberId(g.memberId());
            return v >= 3 ? r.setGroupInstanceId(instanceId.orElse(null)) : r;
        });
    }

    static ClientRequest leaveGroup(String groupId, String memberId, Optional<String> instanceId, String reason) {
        return ClientRequest.of(ApiKeys.LEAVE_GROUP, (short) 0, (short) 5, v -> {
            LeaveGroupRequest r = new LeaveGroupRequest().setGroupId(groupId);
            if (v < 3) {
                return r.setMemberId(memberId);
            }
            LeaveGroupRequest.MemberIdentity m = new LeaveGroupRequest.MemberIdentity().setMemberId(memberId)
                    .setGroupInstanceId(instanceId.orElse(null));
            if (v >= 5) {
                m.setReason(reason);
            }
            return r.setMembers(List.of(m));
        });
    }
}
