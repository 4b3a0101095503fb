package io.samsa.common.errors;

/**
 * A record's timestamp is outside the range the topic accepts. Immutable once thrown; safe to
 * pass between threads.
 */
public class InvalidTimestampException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidTimestampException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidTimestampException(String message, Throwable cause) {
        super(message, cause);
    }
}
