package io.samsa.common.errors;

/**
 * The client dropped the connection a request was waiting on (for example because the broker did
 * not answer within {@code request.timeout.ms}), so the request may or may not have been handled.
 * Immutable once thrown; safe to pass between threads.
 */
public class DisconnectException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public DisconnectException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public DisconnectException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Without a message. */
    public DisconnectException() {
        super();
    }

    /** Caused by another exception, with its message. */
    public DisconnectException(Throwable cause) {
        super(cause);
    }
}
