package io.samsa.common.errors;

/**
 * The broker found the request malformed or not valid for it. Immutable once thrown; safe to pass
 * between threads.
 */
public class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidRequestException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
