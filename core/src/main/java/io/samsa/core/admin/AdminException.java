package io.samsa.core.admin;

import io.samsa.common.Errors;

/**
 * A topic administration request was refused; {@link #error()} is the Kafka error to answer with,
 * the message its text. Immutable.
 */
public class AdminException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Errors error;

    public AdminException(Errors error, String message) {
        super(message);
        this.error = error;
    }

    public Errors error() {
        return error;
    }
}
