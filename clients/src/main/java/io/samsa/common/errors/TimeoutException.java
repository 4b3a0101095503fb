package io.samsa.common.errors;

/**
 * A request or a blocking client call did not complete within its time limit; also the broker's
 * answer when it timed out a request itself ({@code REQUEST_TIMED_OUT}). Immutable once thrown;
 * safe to pass between threads.
 */
public class TimeoutException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public TimeoutException(String message) {
        super(message);
    }

    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    public TimeoutException() {
        super();
    }

    public TimeoutException(Throwable cause) {
        super(cause);
    }
}
