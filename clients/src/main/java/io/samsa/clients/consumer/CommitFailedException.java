package io.samsa.clients.consumer;

import io.samsa.common.errors.SamsaException;

/**
 * An offset commit failed for good: the group rebalanced and gave the partitions to another
 * member, usually because the consumer took longer than {@code max.poll.interval.ms} between two
 * polls. Retrying cannot help; the records since the last commit will be consumed again by the
 * new owner. Immutable once thrown; safe to pass between threads.
 */
public class CommitFailedException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public CommitFailedException(String message) {
        super(message);
    }

    /** The exception with a message that explains the usual cause and cures. */
    public CommitFailedException() {
        super("The offsets cannot be committed: the group has rebalanced and another member owns the partitions "
                + "now. Most likely this consumer spent longer than max.poll.interval.ms between two calls to poll(), "
                + "processing records; raise max.poll.interval.ms, or lower max.poll.records so that each poll "
                + "returns less work.");
    }
}
