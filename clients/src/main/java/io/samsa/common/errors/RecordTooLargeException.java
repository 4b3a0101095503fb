package io.samsa.common.errors;

/**
 * A record is larger than the producer's {@code max.request.size} or {@code buffer.memory}, or
 * than the broker or topic accepts ({@code MESSAGE_TOO_LARGE}). Immutable once thrown; safe to
 * pass between threads.
 */
public class RecordTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public RecordTooLargeException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
