package io.samsa.common.errors;

/**
 * A topic with this name already exists. Immutable once thrown; safe to pass between threads.
 */
public class TopicExistsException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public TopicExistsException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public TopicExistsException(String message, Throwable cause) {
        super(message, cause);
    }
}
