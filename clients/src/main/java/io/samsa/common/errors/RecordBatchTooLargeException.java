package io.samsa.common.errors;

/**
 * A record batch is larger than the broker's segment size allows ({@code RECORD_LIST_TOO_LARGE}).
 * Immutable once thrown; safe to pass between threads.
 */
public class RecordBatchTooLargeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public RecordBatchTooLargeException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public RecordBatchTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
