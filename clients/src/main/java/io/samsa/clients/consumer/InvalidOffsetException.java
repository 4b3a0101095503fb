package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import io.samsa.common.errors.SamsaException;
import java.util.Set;

/**
 * A consumer cannot tell where to read some partitions, and {@code auto.offset.reset=none} forbids
 * it to guess. The application can {@code seek} the partitions named by {@link #partitions()} and
 * poll again. Immutable once thrown; safe to pass between threads.
 */
public abstract class InvalidOffsetException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    protected InvalidOffsetException(String message) {
        super(message);
    }

    /** The partitions whose position is undefined. */
    public abstract Set<TopicPartition> partitions();
}
