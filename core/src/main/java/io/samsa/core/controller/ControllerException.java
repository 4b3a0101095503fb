package io.samsa.core.controller;

import io.samsa.common.Errors;

/**
 * A request to the controller module (topic administration, controlled shutdown) was refused;
 * {@link #error()} is the Kafka error code to answer with, the message its text.
 */
public class ControllerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Errors error;

    public ControllerException(Errors error, String message) {
        super(message);
        this.error = error;
    }

    public Errors error() {
        return error;
    }
}
