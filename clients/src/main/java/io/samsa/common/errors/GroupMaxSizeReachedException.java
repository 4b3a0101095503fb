package io.samsa.common.errors;

/**
 * The consumer group already has as many members as the broker allows. Immutable once thrown;
 * safe to pass between threads.
 */
public class GroupMaxSizeReachedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public GroupMaxSizeReachedException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public GroupMaxSizeReachedException(String message, Throwable cause) {
        super(message, cause);
    }
}
