package io.samsa.common.errors;

/**
 * The leader epoch the client sent is older than the broker's: the client's metadata is stale.
 * Immutable once thrown; safe to pass between threads.
 */
public class FencedLeaderEpochException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    public FencedLeaderEpochException(String message) {
        super(message);
    }

    public FencedLeaderEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
