package io.samsa.common.errors;

/**
 * The group id is not valid (for example empty). Immutable once thrown; safe to pass between
 * threads.
 */
public class InvalidGroupIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidGroupIdException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidGroupIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
