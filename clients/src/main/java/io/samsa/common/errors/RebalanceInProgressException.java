package io.samsa.common.errors;

/**
 * The group is rebalancing; the member must rejoin before it can commit or sync. Immutable once
 * thrown; safe to pass between threads.
 */
public class RebalanceInProgressException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public RebalanceInProgressException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public RebalanceInProgressException(String message, Throwable cause) {
        super(message, cause);
    }
}
