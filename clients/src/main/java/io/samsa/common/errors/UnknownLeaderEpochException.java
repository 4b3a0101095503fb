package io.samsa.common.errors;

/**
 * The leader epoch the client sent is newer than the broker's: the broker has not caught up with
 * the latest leader change yet. Immutable once thrown; safe to pass between threads.
 */
public class UnknownLeaderEpochException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public UnknownLeaderEpochException(String message) {
        super(message);
    }

    public UnknownLeaderEpochException(String message, Throwable cause) {
        super(message, cause);
    }
}
