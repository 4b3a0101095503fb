package io.samsa.common.errors;

/**
 * An error that may go away by itself: the same request, sent again later (perhaps after a
 * metadata refresh), can succeed. The clients retry these within their timeouts before giving up.
 * Immutable once thrown; safe to pass between threads.
 */
public class RetriableException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message, and the exception that caused this one. */
    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message saying what went wrong. */
    public RetriableException(String message) {
        super(message);
    }

    /** Caused by another exception, with its message. */
    public RetriableException(Throwable cause) {
        super(cause);
    }

    /** Without a message. */
    public RetriableException() {
        super();
    }
}
