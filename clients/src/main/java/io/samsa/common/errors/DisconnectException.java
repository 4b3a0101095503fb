package io.samsa.common.errors;

/** The connection was closed while a request was on its way or waiting for its answer. */
public class DisconnectException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public DisconnectException(String message) {
        super(message);
    }

    public DisconnectException(String message, Throwable cause) {
        super(message, cause);
    }

    public DisconnectException(Throwable cause) {
        super(cause);
    }
}
