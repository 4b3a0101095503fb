package io.samsa.common.errors;

/**
 * The leader epoch the client sent is older than the broker's: the client's metadata is stale.
 * Immutable once thrown; safe to pass between threads.
 */
public class FencedLeaderEpochException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public FencedLeaderEpochException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public FencedLeaderEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
