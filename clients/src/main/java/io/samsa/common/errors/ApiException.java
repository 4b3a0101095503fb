package io.samsa.common.errors;

/** An error a broker answered with, or one the client raises on the broker's behalf. */
public class ApiException extends SamsaException {

    private static final long serialVersionUID = 1L;

    public ApiException(String message) {
        super(message);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    public ApiException(Throwable cause) {
        super(cause);
    }
}
