package io.samsa.common.errors;

/**
 * The member's protocol type or assignment strategies are not compatible with the group's other
 * members. Immutable once thrown; safe to pass between threads.
 */
public class InconsistentGroupProtocolException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InconsistentGroupProtocolException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InconsistentGroupProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
