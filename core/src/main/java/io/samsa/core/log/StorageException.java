package io.samsa.core.log;

import io.samsa.common.Errors;

import java.io.IOException;

/**
 * An I/O failure of the log's files (Kafka's KafkaStorageException): the partition cannot be
 * served from this disk. Handlers answer {@link Errors#KAFKA_STORAGE_ERROR}.
 */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, IOException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    public Errors error() {
        return Errors.KAFKA_STORAGE_ERROR;
    }
}
