package io.samsa.tools.groups;

import io.samsa.clients.admin.ConsumerGroupDescription;

import java.util.List;

/**
 * One group as {@code --describe} shows it: its coordinator's description (state, members,
 * assignment strategy) and its partitions' offsets and lag ({@link GroupOffsets}). Immutable.
 */
record GroupSnapshot(ConsumerGroupDescription description, List<PartitionLag> partitions) {

    GroupSnapshot {
        partitions = List.copyOf(partitions);
    }

    String groupId() {
        return description.groupId();
    }

    /** The sum of the lags that are known. */
    long totalLag() {
        return partitions.stream().map(PartitionLag::lag).filter(l -> l != null).mapToLong(Long::longValue).sum();
    }

    /** How many partitions have no known lag (no committed offset, or no log end offset). */
    long partitionsWithoutLag() {
        return partitions.stream().filter(p -> p.lag() == null).count();
    }
}
