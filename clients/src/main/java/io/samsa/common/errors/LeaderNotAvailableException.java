package io.samsa.common.errors;

/**
 * The partition has no leader right now, usually because an election is in progress. Immutable
 * once thrown; safe to pass between threads.
 */
public class LeaderNotAvailableException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    public LeaderNotAvailableException(String message) {
        super(message);
    }

    public LeaderNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
