package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import java.util.Collection;
import java.util.Set;

/**
 * Some partitions have no committed offset and {@code auto.offset.reset=none}, so the consumer has
 * nowhere to start. Immutable once thrown; safe to pass between threads.
 */
public class NoOffsetForPartitionException extends InvalidOffsetException {

    private static final long serialVersionUID = 1L;

    private final Set<TopicPartition> partitions;

    /** For one partition. */
    public NoOffsetForPartitionException(TopicPartition partition) {
        super("Undefined offset with no reset policy for partition: " + partition);
        this.partitions = Set.of(partition);
    }

    /** For these partitions. */
    public NoOffsetForPartitionException(Collection<TopicPartition> partitions) {
        super("Undefined offset with no reset policy for partitions: " + partitions);
        this.partitions = Set.copyOf(partitions);
    }

    @Override
    public Set<TopicPartition> partitions() {
        return partitions;
    }
}
