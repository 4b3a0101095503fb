package io.samsa.common.errors;

/**
 * The client is not authorized for the operation. The parent of the per-resource authorization
 * errors. Immutable once thrown; safe to pass between threads.
 */
public class AuthorizationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public AuthorizationException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public AuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
