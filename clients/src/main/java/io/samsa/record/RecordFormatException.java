package io.samsa.record;

/**
 * Base of the exceptions raised when bytes that claim to be record batches (v2) or a legacy
 * message set (magic 0/1) cannot be read, or cannot be rewritten in the requested format. Callers
 * that only need to know "these bytes are unusable" catch this type; the subclasses let the broker
 * pick the Kafka error code (CORRUPT_MESSAGE, an unsupported message format, or
 * UNSUPPORTED_COMPRESSION_TYPE). Immutable, so thread-safe.
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
