package io.samsa.common.errors;

/**
 * The consumer's session timeout is outside the range the broker allows ({@code
 * group.min.session.timeout.ms} to {@code group.max.session.timeout.ms}). Immutable once thrown;
 * safe to pass between threads.
 */
public class InvalidSessionTimeoutException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidSessionTimeoutException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidSessionTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
