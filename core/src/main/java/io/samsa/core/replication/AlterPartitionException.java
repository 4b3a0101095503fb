package io.samsa.core.replication;

import io.samsa.common.Errors;

/** The controller refused an ISR change, for the reason {@link #error()} names. */
public final class AlterPartitionException extends RuntimeException {

    private final Errors error;

    public AlterPartitionException(Errors error, String message) {
        super(message);
        this.error = error;
    }

    public Errors error() {
        return error;
    }
}
