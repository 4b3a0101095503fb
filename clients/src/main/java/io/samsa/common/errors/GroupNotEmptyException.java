package io.samsa.common.errors;

/**
 * The operation needs an empty group, but the group still has members. Immutable once thrown;
 * safe to pass between threads.
 */
public class GroupNotEmptyException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public GroupNotEmptyException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public GroupNotEmptyException(String message, Throwable cause) {
        super(message, cause);
    }
}
