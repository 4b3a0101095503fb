package io.samsa.common.errors;

/**
 * The coordinator is still loading the group's state and cannot answer yet. Immutable once
 * thrown; safe to pass between threads.
 */
public class CoordinatorLoadInProgressException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public CoordinatorLoadInProgressException(String message) {
        super(message);
    }

    public CoordinatorLoadInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
