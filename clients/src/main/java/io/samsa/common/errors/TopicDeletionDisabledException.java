package io.samsa.common.errors;

/**
 * Topic deletion is disabled on the broker ({@code delete.topic.enable=false}). Immutable once
 * thrown; safe to pass between threads.
 */
public class TopicDeletionDisabledException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public TopicDeletionDisabledException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public TopicDeletionDisabledException(String message, Throwable cause) {
        super(message, cause);
    }
}
