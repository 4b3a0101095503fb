package io.samsa.common.errors;

/**
 * A reassignment was to be cancelled, but none is in progress for the partition. Immutable once
 * thrown; safe to pass between threads.
 */
public class NoReassignmentInProgressException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NoReassignmentInProgressException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NoReassignmentInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
