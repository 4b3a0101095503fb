package io.samsa.common.errors;

/**
 * The broker received a producer sequence number out of order: records of an idempotent producer
 * may have been lost. Immutable once thrown; safe to pass between threads.
 */
public class OutOfOrderSequenceException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
