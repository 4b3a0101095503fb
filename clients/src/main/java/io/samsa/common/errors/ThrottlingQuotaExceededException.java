package io.samsa.common.errors;

/**
 * The request would exceed the client's throttling quota (for example the rate of topic
 * creations). Immutable once thrown; safe to pass between threads.
 */
public class ThrottlingQuotaExceededException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public ThrottlingQuotaExceededException(String message) {
        super(message);
    }

    public ThrottlingQuotaExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
