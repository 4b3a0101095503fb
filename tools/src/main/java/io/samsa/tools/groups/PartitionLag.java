package io.samsa.tools.groups;

import io.samsa.common.TopicPartition;

/**
 * One row of {@code --describe}'s offsets view: a partition a group consumes, with its committed
 * offset, log end offset and the lag between them, and the member it is assigned to. Immutable.
 *
 * @param currentOffset the committed offset, or null when there is none
 * @param logEndOffset  the partition's log end offset, or null when it could not be looked up
 * @param consumerId    the member's id, or null for a partition no member is assigned
 * @param host          the member's host, or null
 * @param clientId      the member's client id, or null
 */
record PartitionLag(TopicPartition partition, Long currentOffset, Long logEndOffset, String consumerId, String host,
                    String clientId) {

    /** The log end offset minus the committed offset, or null when either is unknown. */
    Long lag() {
        return currentOffset == null || currentOffset < 0 || logEndOffset == null ? null : logEndOffset - currentOffset;
    }
}
