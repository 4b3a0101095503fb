package io.samsa.common.errors;

/**
 * The generation the member gave is not the group's current one: the group rebalanced without it.
 * Immutable once thrown; safe to pass between threads.
 */
public class IllegalGenerationException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public IllegalGenerationException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public IllegalGenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
