package io.samsa.common.errors;

/**
 * The request breaks a policy configured on the broker (for example a create-topic policy).
 * Immutable once thrown; safe to pass between threads.
 */
public class PolicyViolationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public PolicyViolationException(String message) {
        super(message);
    }

    public PolicyViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
