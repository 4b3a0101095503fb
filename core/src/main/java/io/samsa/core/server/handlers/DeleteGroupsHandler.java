package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DeleteGroupsRequest;
import io.samsa.protocol.message.DeleteGroupsResponse;

/**
 * DeleteGroups v0-v2: removes Empty groups and their offsets (NON_EMPTY_GROUP while members
 * remain, GROUP_ID_NOT_FOUND for unknown ones), answering once the tombstones are written.
 * Thread-safe.
 */
public final class DeleteGroupsHandler implements ApiHandler<DeleteGroupsRequest> {

    private final GroupCoordinator coordinator;

    public DeleteGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DELETE_GROUPS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 2;
    }

    @Override
    public void handle(Request request, DeleteGroupsRequest body) {
        coordinator.deleteGroups(body.groupsNames(), results -> {
            DeleteGroupsResponse response = new DeleteGroupsResponse();
            results.forEach((group, error) -> response.results().add(new DeleteGroupsResponse.DeletableGroupResult()
                    .setGroupId(group)
                    .setErrorCode(error.code())));
            request.sendResponse(response);
        });
    }
}
