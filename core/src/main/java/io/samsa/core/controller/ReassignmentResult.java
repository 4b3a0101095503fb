package io.samsa.core.controller;

import io.samsa.common.Errors;

/**
 * The controller's answer to one partition of an AlterPartitionReassignments request: NONE when
 * the reassignment (or its cancellation) was accepted and begun, else the error and Kafka's
 * message for it. Immutable.
 *
 * @param message null when there is nothing to add to the error code
 */
public record ReassignmentResult(Errors error, String message) {

    static final ReassignmentResult ACCEPTED = new ReassignmentResult(Errors.NONE, null);
}
