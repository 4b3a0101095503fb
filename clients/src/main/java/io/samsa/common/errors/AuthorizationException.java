package io.samsa.common.errors;

/**
 * The client is not authorized for the operation. The parent of the per-resource authorization
 * errors. Immutable once thrown; safe to pass between threads.
 */
public class AuthorizationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthorizationException(String message) {
        super(message);
    }

    public AuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
