package io.samsa.clients.consumer;

import io.samsa.common.TopicPartition;

import java.util.Map;

/**
 * The log of some partitions was truncated below the consumer's position after a leader change
 * (KIP-320), and {@code auto.offset.reset} is {@code none}, so the consumer will not choose where
 * to continue: seek, for example to {@link #divergentOffsets()}. Immutable once thrown.
 */
public class LogTruncationException extends OffsetOutOfRangeException {

    private static final long serialVersionUID = 1L;

    private final Map<TopicPartition, OffsetAndMetadata> divergentOffsets;

    /**
     * @param fetchOffsets the positions found to be past the truncation
     * @param divergentOffsets the first offset known to diverge, per partition, where known
     */
    public LogTruncationException(String message, Map<TopicPartition, Long> fetchOffsets,
                                  Map<TopicPartition, OffsetAndMetadata> divergentOffsets) {
        super(message, fetchOffsets);
        this.divergentOffsets = Map.copyOf(divergentOffsets);
    }

    /** Per partition, the end offset (and epoch) of the last epoch the consumer and the leader agree on. */
    public Map<TopicPartition, OffsetAndMetadata> divergentOffsets() {
        return divergentOffsets;
    }
}
