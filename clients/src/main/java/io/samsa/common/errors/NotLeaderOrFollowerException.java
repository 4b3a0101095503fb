package io.samsa.common.errors;

/**
 * The broker is not the partition's leader (for requests only a leader answers), or not a replica
 * of it at all; the client refreshes its metadata to find the leader. Immutable once thrown; safe
 * to pass between threads.
 */
public class NotLeaderOrFollowerException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NotLeaderOrFollowerException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NotLeaderOrFollowerException(String message, Throwable cause) {
        super(message, cause);
    }
}
