package io.samsa.common.errors;

/**
 * The consumer group does not exist. Immutable once thrown; safe to pass between threads.
 */
public class GroupIdNotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public GroupIdNotFoundException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public GroupIdNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
