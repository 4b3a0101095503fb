package io.samsa.common.errors;

/**
 * The group coordinator does not know this member id (it was removed, for example after its
 * session expired). Immutable once thrown; safe to pass between threads.
 */
public class UnknownMemberIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnknownMemberIdException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnknownMemberIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
