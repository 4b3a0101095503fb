package io.samsa.clients.admin.internals;

import io.samsa.common.Errors;

/**
 * What a group coordinator's error means for the group it concerns: still loading, retry there;
 * moved or unavailable, find the coordinator again; anything else fails the group with the error's
 * exception (GroupIdNotFoundException, GroupNotEmptyException, ...). Stateless.
 */
final class GroupErrors {

    private GroupErrors() {
    }

    /** Decides {@code groupId} for a non-NONE {@code error}. */
    static void handle(String groupId, Errors error, String message, Outcomes<String, ?> out) {
        switch (error) {
            case COORDINATOR_LOAD_IN_PROGRESS -> out.retry(groupId, error.exception(message));
            case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR -> out.reroute(groupId, error.exception(message));
            default -> out.fail(groupId, error.exception(message));
        }
    }
}
