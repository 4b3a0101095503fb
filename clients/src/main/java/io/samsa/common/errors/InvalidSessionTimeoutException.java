package io.samsa.common.errors;

/**
 * The consumer's session timeout is outside the range the broker allows ({@code
 * group.min.session.timeout.ms} to {@code group.max.session.timeout.ms}). Immutable once thrown;
 * safe to pass between threads.
 */
public class InvalidSessionTimeoutException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidSessionTimeoutException(String message) {
        super(message);
    }

    public InvalidSessionTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
