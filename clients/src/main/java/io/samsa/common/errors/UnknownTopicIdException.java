package io.samsa.common.errors;

/**
 * The broker does not know a topic with the requested topic id. Immutable once thrown; safe to
 * pass between threads.
 */
public class UnknownTopicIdException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnknownTopicIdException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnknownTopicIdException(String message, Throwable cause) {
        super(message, cause);
    }
}
