package io.samsa.common.errors;

/**
 * A newer producer with the same transactional id has fenced this one; it cannot produce any
 * more. Immutable once thrown; safe to pass between threads.
 */
public class ProducerFencedException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public ProducerFencedException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
