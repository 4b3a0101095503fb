package io.samsa.common.errors;

/**
 * The partition has no leader right now, usually because an election is in progress. Immutable
 * once thrown; safe to pass between threads.
 */
public class LeaderNotAvailableException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public LeaderNotAvailableException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public LeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
