package io.samsa.common.errors;

/**
 * A retriable error that means the client's view of the cluster is out of date (a leader moved,
 * a topic appeared or went away), so the client should refresh its metadata before it retries.
 * Immutable once thrown; safe to pass between threads.
 */
public class InvalidMetadataException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message, and the exception that caused this one. */
    public InvalidMetadataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message saying what went wrong. */
    public InvalidMetadataException(String message) {
        super(message);
    }

    /** Caused by another exception, with its message. */
    public InvalidMetadataException(Throwable cause) {
        super(cause);
    }

    /** Without a message. */
    public InvalidMetadataException() {
        super();
    }
}
