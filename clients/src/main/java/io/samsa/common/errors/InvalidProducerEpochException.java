package io.samsa.common.errors;

/**
 * The producer's epoch is older than the one the broker knows for its producer id. Immutable once
 * thrown; safe to pass between threads.
 */
public class InvalidProducerEpochException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidProducerEpochException(String message) {
        super(message);
    }

    public InvalidProducerEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
