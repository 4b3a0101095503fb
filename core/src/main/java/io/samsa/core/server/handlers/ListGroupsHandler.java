package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ListGroupsRequest;
import io.samsa.protocol.message.ListGroupsResponse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ListGroups v0-v5: the groups this broker coordinates, filtered by state (v4+) and type (v5+;
 * every Samsa group is a "classic" group). Thread-safe.
 */
public final class ListGroupsHandler implements ApiHandler<ListGroupsRequest> {

    static final String CLASSIC = "classic";

    private final GroupCoordinator coordinator;

    public ListGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_GROUPS;
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
    public void handle(Request request, ListGroupsRequest body) {
        Set<String> states = new HashSet<>(body.statesFilter());
        List<String> types = body.typesFilter();
        boolean classicWanted = types.isEmpty() || types.stream().anyMatch(CLASSIC::equalsIgnoreCase);
        coordinator.listGroups(states, result -> {
            ListGroupsResponse response = new ListGroupsResponse().setErrorCode(result.error().code());
            if (classicWanted) {
                for (GroupCoordinator.ListedGroup g : result.groups()) {
                    response.groups().add(new ListGroupsResponse.ListedGroup()
                            .setGroupId(g.groupId())
                            .setProtocolType(g.protocolType())
                            .setGroupState(g.state())
                            .setGroupType(CLASSIC));
                }
            }
            request.sendResponse(response);
        });
    }
}
