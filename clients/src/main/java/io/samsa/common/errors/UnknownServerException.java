package io.samsa.common.errors;

/**
 * The broker hit an unexpected error while handling the request; its log says more. Immutable
 * once thrown; safe to pass between threads.
 */
public class UnknownServerException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnknownServerException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnknownServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
