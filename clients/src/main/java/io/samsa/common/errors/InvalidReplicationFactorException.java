package io.samsa.common.errors;

/**
 * The replication factor is below 1 or larger than the number of available brokers. Immutable
 * once thrown; safe to pass between threads.
 */
public class InvalidReplicationFactorException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidReplicationFactorException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidReplicationFactorException(String message, Throwable cause) {
        super(message, cause);
    }
}
