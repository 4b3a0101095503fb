package io.samsa.common.errors;

/**
 * The broker is not the coordinator of the group (or transaction); the client looks the
 * coordinator up again. Immutable once thrown; safe to pass between threads.
 */
public class NotCoordinatorException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public NotCoordinatorException(String message) {
        super(message);
    }

    public NotCoordinatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
