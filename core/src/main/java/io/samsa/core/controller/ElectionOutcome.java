package io.samsa.core.controller;

import io.samsa.common.Errors;

/**
 * One partition's answer to an election request: the leader it now has (written to ZooKeeper and
 * announced), or why there was no election. Immutable.
 *
 * @param leader the elected leader, or -1 with an error
 */
public record ElectionOutcome(Errors error, String message, int leader) {

    static ElectionOutcome elected(int leader) {
        return new ElectionOutcome(Errors.NONE, null, leader);
    }

    static ElectionOutcome failed(Errors error, String message) {
        return new ElectionOutcome(error, message, -1);
    }

    public boolean isElected() {
        return error == Errors.NONE;
    }
}
