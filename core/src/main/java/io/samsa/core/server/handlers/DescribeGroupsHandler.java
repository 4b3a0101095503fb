package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DescribeGroupsRequest;
import io.samsa.protocol.message.DescribeGroupsResponse;

import java.nio.ByteBuffer;

/**
 * DescribeGroups v0-v5: state, protocol and members of each group; member metadata and
 * assignments only for Stable groups, as Kafka reports them. Without an authorizer every group
 * operation is allowed, so v3+ reports READ, DELETE and DESCRIBE when asked. Thread-safe.
 */
public final class DescribeGroupsHandler implements ApiHandler<DescribeGroupsRequest> {

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
    public void handle(Request request, DescribeGroupsRequest body) {
        boolean withOperations = body.includeAuthorizedOperations();
        coordinator.describeGroups(body.groups(), groups -> {
            DescribeGroupsResponse response = new DescribeGroupsResponse();
            for (GroupCoordinator.DescribedGroup g : groups) {
                DescribeGroupsResponse.DescribedGroup rg = new DescribeGroupsResponse.DescribedGroup()
                        .setErrorCode(g.error().code())
                        .setGroupId(g.groupId())
                        .setGroupState(g.state())
                        .setProtocolType(g.protocolType())
                        .setProtocolData(g.protocol())
                        // Not ignorable, but only v3+ clients can ask, and the unasked answer is the default.
                        .setAuthorizedOperations(AuthorizedOperations.answer(withOperations, AuthorizedOperations.GROUP));
                response.groups().add(rg);
                for (GroupCoordinator.DescribedMember m : g.members()) {
                    rg.members().add(new DescribeGroupsResponse.DescribedGroupMember()
                            .setMemberId(m.memberId())
                            .setGroupInstanceId(m.groupInstanceId())
                            .setClientId(m.clientId())
                            .setClientHost(m.clientHost())
                            .setMemberMetadata(ByteBuffer.wrap(m.metadata()))
                            .setMemberAssignment(ByteBuffer.wrap(m.assignment())));
                }
            }
            request.sendResponse(response);
        });
    }
}
