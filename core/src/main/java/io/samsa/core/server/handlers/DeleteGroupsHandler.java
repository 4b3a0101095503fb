package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

/**
 * DeleteGroups v0-v2: removes Empty groups and their offsets (NON_EMPTY_GROUP while members
 * remain, GROUP_ID_NOT_FOUND for unknown ones), answering once the tombstones are written.
 * Thread-safe.
 */
public final class DeleteGroupsHandler implements ApiHandler {

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
    public void handle(Request request, Struct body) {
        coordinator.deleteGroups(body.getStringArray("groups_names"), results -> {
            Struct response = new Struct(ApiKeys.DELETE_GROUPS.responseSpec().root());
            results.forEach((group, error) -> response.addElement("results")
                    .set("group_id", group)
                    .set("error_code", error.code()));
            request.sendResponse(response);
        });
    }
}
