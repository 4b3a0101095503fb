package io.samsa.common.errors;

/**
 * The request breaks a policy configured on the broker (for example a create-topic policy).
 * Immutable once thrown; safe to pass between threads.
 */
public class PolicyViolationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public PolicyViolationException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public PolicyViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
