package io.samsa.common.errors;

/**
 * Another consumer with the same {@code group.instance.id} joined the group with a different
 * member id, fencing this one. Immutable once thrown; safe to pass between threads.
 */
public class FencedInstanceIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public FencedInstanceIdException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public FencedInstanceIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
