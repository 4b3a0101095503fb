package io.samsa.common.errors;

/**
 * The producer's epoch is older than the one the broker knows for its producer id. Immutable once
 * thrown; safe to pass between threads.
 */
public class InvalidProducerEpochException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidProducerEpochException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidProducerEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
