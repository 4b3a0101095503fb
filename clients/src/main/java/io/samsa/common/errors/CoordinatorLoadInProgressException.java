package io.samsa.common.errors;

/**
 * The coordinator is still loading the group's state and cannot answer yet. Immutable once
 * thrown; safe to pass between threads.
 */
public class CoordinatorLoadInProgressException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public CoordinatorLoadInProgressException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public CoordinatorLoadInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
