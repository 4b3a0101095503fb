package io.samsa.core.server.handlers;

import io.samsa.core.coordinator.group.GroupCoordinator;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * ListGroups v0-v5: the groups this broker coordinates, filtered by state (v4+) and type (v5+;
 * every Samsa group is a "classic" group). Thread-safe.
 */
public final class ListGroupsHandler implements ApiHandler {

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
    public void handle(Request request, Struct body) {
        short version = request.version();
        Set<String> states = version >= 4 ? new HashSet<>(body.getStringArray("states_filter")) : Set.of();
        List<String> types = version >= 5 ? body.getStringArray("types_filter") : List.of();
        boolean classicWanted = types.isEmpty() || types.stream().anyMatch(CLASSIC::equalsIgnoreCase);
        coordinator.listGroups(states, result -> {
            Struct response = new Struct(ApiKeys.LIST_GROUPS.responseSpec().root()).set("error_code", result.error().code());
            if (classicWanted) {
                for (GroupCoordinator.ListedGroup g : result.groups()) {
                    response.addElement("groups")
                            .set("group_id", g.groupId())
                            .set("protocol_type", g.protocolType())
                            .set("group_state", g.state())
                            .set("group_type", CLASSIC);
                }
            }
            request.sendResponse(response);
        });
    }
}
