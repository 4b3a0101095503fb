package io.samsa.common.errors;

/**
 * The broker received a producer sequence number out of order: records of an idempotent producer
 * may have been lost. Immutable once thrown; safe to pass between threads.
 */
public class OutOfOrderSequenceException extends ApiException {

    private static final long serialVersionUID = 1L;

    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
