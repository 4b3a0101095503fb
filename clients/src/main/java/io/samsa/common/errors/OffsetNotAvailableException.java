package io.samsa.common.errors;

/**
 * The partition's new leader cannot answer an offset lookup yet because its high watermark has
 * not caught up since the election. Immutable once thrown; safe to pass between threads.
 */
public class OffsetNotAvailableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public OffsetNotAvailableException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public OffsetNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
