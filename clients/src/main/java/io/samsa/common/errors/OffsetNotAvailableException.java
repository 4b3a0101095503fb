package io.samsa.common.errors;

/**
 * The partition's new leader cannot answer an offset lookup yet because its high watermark has
 * not caught up since the election. Immutable once thrown; safe to pass between threads.
 */
public class OffsetNotAvailableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    public OffsetNotAvailableException(String message) {
        super(message);
    }

    public OffsetNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
