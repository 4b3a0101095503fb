package io.samsa.common.errors;

/**
 * The records were written to the leader, but fewer replicas were in sync than required by the
 * time the write should have been acknowledged. Retrying may write them twice unless the producer
 * is idempotent. Immutable once thrown; safe to pass between threads.
 */
public class NotEnoughReplicasAfterAppendException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NotEnoughReplicasAfterAppendException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NotEnoughReplicasAfterAppendException(String message, Throwable cause) {
        super(message, cause);
    }
}
