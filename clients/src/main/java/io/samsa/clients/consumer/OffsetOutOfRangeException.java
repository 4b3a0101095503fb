package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;
import java.util.Map;
import java.util.Set;

/**
 * The consumer's position in some partitions is outside the range of offsets the broker holds
 * (the records were deleted, or the log was truncated), and no reset policy applies. Names the
 * partitions and the offsets that failed. Immutable once thrown; safe to pass between threads.
 */
public class OffsetOutOfRangeException extends InvalidOffsetException {

    private static final long serialVersionUID = 1L;

    private final Map<TopicPartition, Long> offsetOutOfRangePartitions;

    /** For these partitions and the offsets that failed, named in the message too. */
    public OffsetOutOfRangeException(Map<TopicPartition, Long> offsetOutOfRangePartitions) {
        this("Offsets out of range with no configured reset policy for partitions: " + offsetOutOfRangePartitions,
                offsetOutOfRangePartitions);
    }

    /** With a message. */
    public OffsetOutOfRangeException(String message, Map<TopicPartition, Long> offsetOutOfRangePartitions) {
        super(message);
        this.offsetOutOfRangePartitions = Map.copyOf(offsetOutOfRangePartitions);
    }

    /** Each partition, with the offset the consumer tried to fetch from. */
    public Map<TopicPartition, Long> offsetOutOfRangePartitions() {
        return offsetOutOfRangePartitions;
    }

    @Override
    public Set<TopicPartition> partitions() {
        return offsetOutOfRangePartitions.keySet();
    }
}
