package io.samsa.common.errors;

/**
 * The broker has no state for the producer id, for example because retention deleted all its
 * records; the producer must reset its sequence numbers. Immutable once thrown; safe to pass
 * between threads.
 */
public class UnknownProducerIdException extends OutOfOrderSequenceException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnknownProducerIdException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnknownProducerIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
