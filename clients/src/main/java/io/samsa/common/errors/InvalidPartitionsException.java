package io.samsa.common.errors;

/**
 * The number of partitions asked for is not valid (below 1, or not more than the topic has when
 * adding partitions). Immutable once thrown; safe to pass between threads.
 */
public class InvalidPartitionsException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidPartitionsException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidPartitionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
