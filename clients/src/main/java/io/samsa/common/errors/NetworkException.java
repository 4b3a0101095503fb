package io.samsa.common.errors;

/** The connection to a broker failed or was closed. */
public class NetworkException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }

    public NetworkException(Throwable cause) {
        super(cause);
    }
}
