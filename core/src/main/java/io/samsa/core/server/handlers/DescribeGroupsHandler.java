package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

/**
 * DescribeGroups v0-v5: state, protocol and members of each group; member metadata and
 * assignments only for Stable groups, as Kafka reports them. Without an authorizer every group
 * operation is allowed, so v3+ reports READ, DELETE and DESCRIBE when asked. Thread-safe.
 */
public final class DescribeGroupsHandler implements ApiHandler {

    /** Bits of AclOperation READ (3), DELETE (6) and DESCRIBE (8): the operations on a group. */

    private final GroupCoordinator coordinator;

    public DescribeGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_GROUPS;
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
    public void handle(Request request, Struct body) {
        boolean withOperations = request.version() >= 3 && body.getBoolean("include_authorized_operations");
        coordinator.describeGroups(body.getStringArray("groups"), groups -> {
            Struct response = new Struct(ApiKeys.DESCRIBE_GROUPS.responseSpec().root());
            for (GroupCoordinator.DescribedGroup g : groups) {
                Struct rg = response.addElement("groups")
                        .set("error_code", g.error().code())
                        .set("group_id", g.groupId())
                        .set("group_state", g.state())
                        .set("protocol_type", g.protocolType())
                        .set("protocol_data", g.protocol())
                        .set("authorized_operations", AuthorizedOperations.answer(withOperations, AuthorizedOperations.GROUP));
                for (GroupCoordinator.DescribedMember m : g.members()) {
                    rg.addElement("members")
                            .set("member_id", m.memberId())
                            .set("group_instance_id", m.groupInstanceId())
                            .set("client_id", m.clientId())
                            .set("client_host", m.clientHost())
                            .set("member_metadata", m.metadata())
                            .set("member_assignment", m.assignment());
                }
            }
            request.sendResponse(response);
        });
    }
}
