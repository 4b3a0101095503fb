package io.samsa.common.errors;

/**
 * The broker the request went to is not the cluster's controller; the client finds the controller
 * again. Immutable once thrown; safe to pass between threads.
 */
public class NotControllerException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NotControllerException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NotControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
