package io.samsa.common.errors;

/**
 * The broker the request went to is not the cluster's controller; the client finds the controller
 * again. Immutable once thrown; safe to pass between threads.
 */
public class NotControllerException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public NotControllerException(String message) {
        super(message);
    }

    public NotControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
