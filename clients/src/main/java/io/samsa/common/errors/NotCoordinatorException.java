package io.samsa.common.errors;

/**
 * The broker is not the coordinator of the group (or transaction); the client looks the
 * coordinator up again. Immutable once thrown; safe to pass between threads.
 */
public class NotCoordinatorException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NotCoordinatorException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NotCoordinatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
