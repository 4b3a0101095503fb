package io.samsa.record;

/**
 * Raised when records are intact (their CRCs match) but break a rule of their format: in a
 * legacy message set, a wrapper with a null value or no inner messages, an inner message of
 * another magic or itself compressed, zstd in a magic 0/1 wrapper, or a timestamp no record can
 * hold. Kafka rejects these with INVALID_RECORD rather than CORRUPT_MESSAGE, and the broker can
 * do the same by catching this type. Immutable, so thread-safe.
 */
public class InvalidRecordException extends RecordFormatException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }
}
