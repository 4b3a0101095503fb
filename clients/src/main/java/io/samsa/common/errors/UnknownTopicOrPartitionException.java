package io.samsa.common.errors;

/**
 * The broker does not host the topic-partition: the topic does not exist (yet), or the client's
 * metadata is stale. Immutable once thrown; safe to pass between threads.
 */
public class UnknownTopicOrPartitionException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    public UnknownTopicOrPartitionException(String message) {
        super(message);
    }

    public UnknownTopicOrPartitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
