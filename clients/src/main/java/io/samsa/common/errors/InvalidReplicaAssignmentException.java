package io.samsa.common.errors;

/**
 * An explicit replica assignment is not valid (unknown brokers, duplicates, uneven replica
 * counts). Immutable once thrown; safe to pass between threads.
 */
public class InvalidReplicaAssignmentException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidReplicaAssignmentException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidReplicaAssignmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
