package io.samsa.common.errors;

/**
 * The request would exceed the client's throttling quota (for example the rate of topic
 * creations). Immutable once thrown; safe to pass between threads.
 */
public class ThrottlingQuotaExceededException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public ThrottlingQuotaExceededException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public ThrottlingQuotaExceededException(String message, Throwable cause) {
        super(message, cause);
    }
}
