package io.samsa.common.errors;

/**
 * A preferred leader election could not run because the preferred replica is not available or not
 * in sync. Immutable once thrown; safe to pass between threads.
 */
public class PreferredLeaderNotAvailableException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    public PreferredLeaderNotAvailableException(String message) {
        super(message);
    }

    public PreferredLeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
