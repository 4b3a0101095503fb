package io.samsa.common.errors;

/**
 * A preferred leader election could not run because the preferred replica is not available or not
 * in sync. Immutable once thrown; safe to pass between threads.
 */
public class PreferredLeaderNotAvailableException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public PreferredLeaderNotAvailableException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public PreferredLeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
