package io.samsa.tools.groups;

import io.samsa.common.TopicPartition;

/**
 * One partition of a {@code --reset-offsets} plan: the group's committed offset before (null when
 * it has none) and the offset it is reset to. Immutable.
 */
record PlannedOffset(TopicPartition partition, Long currentOffset, long newOffset) {
}
