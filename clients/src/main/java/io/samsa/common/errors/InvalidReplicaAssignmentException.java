package io.samsa.common.errors;

/**
 * An explicit replica assignment is not valid (unknown brokers, duplicates, uneven replica
 * counts). Immutable once thrown; safe to pass between threads.
 */
public class InvalidReplicaAssignmentException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidReplicaAssignmentException(String message) {
        super(message);
    }

    public InvalidReplicaAssignmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
