package io.samsa.common.errors;

/**
 * The leader epoch the client sent is newer than the broker's: the broker has not caught up with
 * the latest leader change yet. Immutable once thrown; safe to pass between threads.
 */
public class UnknownLeaderEpochException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnknownLeaderEpochException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnknownLeaderEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
