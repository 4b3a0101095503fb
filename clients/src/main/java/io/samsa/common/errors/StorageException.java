package io.samsa.common.errors;

/**
 * The broker could not read or write the partition's log on disk ({@code KAFKA_STORAGE_ERROR};
 * Kafka names this class {@code KafkaStorageException}). Leadership moves to another replica, so
 * the client refreshes its metadata and retries. Immutable once thrown; safe to pass between
 * threads.
 */
public class StorageException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public StorageException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
