package io.samsa.common.errors;

/**
 * The group id is not valid (for example empty). Immutable once thrown; safe to pass between
 * threads.
 */
public class InvalidGroupIdException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidGroupIdException(String message) {
        super(message);
    }

    public InvalidGroupIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
