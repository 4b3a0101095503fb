package io.samsa.common.errors;

/**
 * A leader election was asked for, but the partition is already led by the replica the election
 * would choose. Immutable once thrown; safe to pass between threads.
 */
public class ElectionNotNeededException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public ElectionNotNeededException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public ElectionNotNeededException(String message, Throwable cause) {
        super(message, cause);
    }
}
