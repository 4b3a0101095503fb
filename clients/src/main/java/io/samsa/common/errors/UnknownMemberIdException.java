package io.samsa.common.errors;

/**
 * The group coordinator does not know this member id (it was removed, for example after its
 * session expired). Immutable once thrown; safe to pass between threads.
 */
public class UnknownMemberIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnknownMemberIdException(String message) {
        super(message);
    }

    public UnknownMemberIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
