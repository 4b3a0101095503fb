package io.samsa.record;

/**
 * Base of the exceptions raised when bytes that claim to be record batches cannot be read as
 * RecordBatch v2. Callers that only need to know "these bytes are unusable" catch this type; the
 * subclasses let the broker pick the Kafka error code (CORRUPT_MESSAGE versus an unsupported
 * message format). Immutable, so thread-safe.
 */
public class RecordFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
