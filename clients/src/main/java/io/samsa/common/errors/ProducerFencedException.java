package io.samsa.common.errors;

/**
 * A newer producer with the same transactional id has fenced this one; it cannot produce any
 * more. Immutable once thrown; safe to pass between threads.
 */
public class ProducerFencedException extends ApiException {

    private static final long serialVersionUID = 1L;

    public ProducerFencedException(String message) {
        super(message);
    }

    public ProducerFencedException(String message, Throwable cause) {
        super(message, cause);
    }
}
