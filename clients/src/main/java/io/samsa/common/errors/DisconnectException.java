package io.samsa.common.errors;

/**
 * The client dropped the connection a request was waiting on (for example because the broker did
 * not answer within {@code request.timeout.ms}), so the request may or may not have been handled.
 * Immutable once thrown; safe to pass between threads.
 */
public class DisconnectException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public DisconnectException(String message) {
        super(message);
    }

    public DisconnectException(String message, Throwable cause) {
        super(message, cause);
    }

    public DisconnectException() {
        super();
    }

    public DisconnectException(Throwable cause) {
        super(cause);
    }
}
