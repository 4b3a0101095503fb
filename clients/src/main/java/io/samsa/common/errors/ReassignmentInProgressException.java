package io.samsa.common.errors;

/**
 * The operation cannot run while a reassignment of the partition is in progress. Immutable once
 * thrown; safe to pass between threads.
 */
public class ReassignmentInProgressException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public ReassignmentInProgressException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public ReassignmentInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
