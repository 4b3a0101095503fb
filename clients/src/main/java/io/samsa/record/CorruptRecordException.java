package io.samsa.record;

/**
 * Raised when a batch or record is malformed: a length that points outside the buffer, a bad
 * varint, an unknown codec id, a CRC mismatch, a compressed payload that does not decompress, or
 * trailing bytes after the declared records. Immutable, so thread-safe.
 */
public class CorruptRecordException extends RecordFormatException {

    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
