package io.samsa.common.errors;

/**
 * A configuration sent to the broker is not valid ({@code INVALID_CONFIG}), or a client
 * configuration combination makes no sense. Immutable once thrown; safe to pass between threads.
 */
public class InvalidConfigurationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public InvalidConfigurationException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
