package io.samsa.common.errors;

/**
 * The broker refused records because fewer replicas are in sync than the topic's {@code
 * min.insync.replicas} requires; nothing was written. Immutable once thrown; safe to pass between
 * threads.
 */
public class NotEnoughReplicasException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NotEnoughReplicasException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NotEnoughReplicasException(String message, Throwable cause) {
        super(message, cause);
    }
}
