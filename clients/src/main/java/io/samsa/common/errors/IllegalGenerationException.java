package io.samsa.common.errors;

/**
 * The generation the member gave is not the group's current one: the group rebalanced without it.
 * Immutable once thrown; safe to pass between threads.
 */
public class IllegalGenerationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public IllegalGenerationException(String message) {
        super(message);
    }

    public IllegalGenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
