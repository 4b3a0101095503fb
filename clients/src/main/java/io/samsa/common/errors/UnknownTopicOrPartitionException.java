package io.samsa.common.errors;

/**
 * The broker does not host the topic-partition: the topic does not exist (yet), or the client's
 * metadata is stale. Immutable once thrown; safe to pass between threads.
 */
public class UnknownTopicOrPartitionException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnknownTopicOrPartitionException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnknownTopicOrPartitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
