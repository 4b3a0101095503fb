package io.samsa.clients.consumer;

import io.samsa.common.errors.RetriableException;

/**
 * An asynchronous offset commit failed with an error that may pass (the coordinator moved, a
 * request timed out): committing the latest offsets again may succeed. Immutable once thrown; safe
 * to pass between threads.
 */
public class RetriableCommitFailedException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** Caused by another exception, with its message. */
    public RetriableCommitFailedException(Throwable cause) {
        super("Offset commit failed with a retriable exception. You should retry committing the latest consumed "
                + "offsets.", cause);
    }

    /** With a message saying what went wrong. */
    public RetriableCommitFailedException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public RetriableCommitFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
