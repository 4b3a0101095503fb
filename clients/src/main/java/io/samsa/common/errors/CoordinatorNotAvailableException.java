package io.samsa.common.errors;

/**
 * The group (or transaction) coordinator is not available: its topic is not created yet or its
 * partition has no leader. Immutable once thrown; safe to pass between threads.
 */
public class CoordinatorNotAvailableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public CoordinatorNotAvailableException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public CoordinatorNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
