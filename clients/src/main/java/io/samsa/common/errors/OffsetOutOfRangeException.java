package io.samsa.common.errors;

/**
 * The broker's answer that an offset is outside the range it holds for the partition ({@code
 * OFFSET_OUT_OF_RANGE}). The consumer turns it into {@link
 * io.samsa.clients.consumer.OffsetOutOfRangeException} (which names the partitions) when no reset
 * policy applies. Immutable once thrown; safe to pass between threads.
 */
public class OffsetOutOfRangeException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public OffsetOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
