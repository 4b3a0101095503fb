package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.FindCoordinatorRequest;
import io.samsa.protocol.message.FindCoordinatorResponse;

import java.util.ArrayList;
import java.util.Set;

/**
 * Finds each consumer group's coordinator with FindCoordinator: one request for every group
 * (v4+), or one per group from a broker that only speaks v0-v3. COORDINATOR_NOT_AVAILABLE and
 * COORDINATOR_LOAD_IN_PROGRESS leave the group to be looked up again; other errors fail it. Used
 * by the I/O thread of one call.
 */
public final class CoordinatorLookup implements Router<String> {

    private static final byte GROUP = 0;
    private static final short FIRST_BATCHED_VERSION = 4;

    private boolean batched = true;

    @Override
    public Destination fixed(String groupId) {
        return null;
    }

    @Override
    public int lookupBatchSize() {
        return batched ? Integer.MAX_VALUE : 1;
    }

    @Override
    public ClientRequest lookup(Set<String> groupIds) {
        if (batched) {
            FindCoordinatorRequest body = new FindCoordinatorRequest().setKeyType(GROUP)
                    .setCoordinatorKeys(new ArrayList<>(groupIds));
            return ClientRequest.of(ApiKeys.FIND_COORDINATOR, FIRST_BATCHED_VERSION, ApiKeys.FIND_COORDINATOR.latestVersion(),
                    v -> body);
        }
        FindCoordinatorRequest body = new FindCoordinatorRequest().setKey(groupIds.iterator().next()).setKeyType(GROUP);
        return ClientRequest.of(ApiKeys.FIND_COORDINATOR, (short) 0, (short) (FIRST_BATCHED_VERSION - 1), v -> body);
    }

    @Override
    public boolean onLookupUnsupportedVersion(UnsupportedVersionException e) {
        if (batched) {
            batched = false;
            return true;
        }
        return false;
    }

    @Override
    public void onLookup(Set<String> groupIds, ClientResponse response, Outcomes<String, ?> out) {
        FindCoordinatorResponse body = response.bodyAs();
        if (response.version() < FIRST_BATCHED_VERSION) {
            String groupId = groupIds.iterator().next();
            handle(groupId, Errors.forCode(body.errorCode()), body.errorMessage(),
                    new Node(body.nodeId(), body.host(), body.port()), out);
            return;
        }
        for (FindCoordinatorResponse.Coordinator c : body.coordinators()) {
            handle(c.key(), Errors.forCode(c.errorCode()), c.errorMessage(), new Node(c.nodeId(), c.host(), c.port()), out);
        }
    }

    private static void handle(String groupId, Errors error, String message, Node node, Outcomes<String, ?> out) {
        switch (error) {
            case NONE -> out.map(groupId, Destination.node(node));
            case COORDINATOR_NOT_AVAILABLE, COORDINATOR_LOAD_IN_PROGRESS -> {
                // Left undecided: looked up again after a back-off.
            }
            default -> out.fail(groupId, error.exception(message));
        }
    }
}
