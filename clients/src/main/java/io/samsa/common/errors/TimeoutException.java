package io.samsa.common.errors;

/**
 * A request or a blocking client call did not complete within its time limit; also the broker's
 * answer when it timed out a request itself ({@code REQUEST_TIMED_OUT}). Immutable once thrown;
 * safe to pass between threads.
 */
public class TimeoutException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public TimeoutException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Without a message. */
    public TimeoutException() {
        super();
    }

    /** Caused by another exception, with its message. */
    public TimeoutException(Throwable cause) {
        super(cause);
    }
}
