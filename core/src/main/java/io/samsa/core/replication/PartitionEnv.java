package io.samsa.core.replication;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;

import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * What every {@link Partition} of one broker shares: the broker's id, the clock, how long a
 * follower may lag ({@code replica.lag.time.max.ms}), where ISR changes go, which brokers are alive
 * (a dead broker is not waited for and cannot join an ISR), who wakes the requests waiting on a
 * partition when its watermarks move, and the replica manager's metrics. Immutable.
 */
record PartitionEnv(int localBrokerId, Time time, long replicaLagTimeMaxMs, AlterPartitionManager alterPartitions,
                    IntPredicate isBrokerAlive, Consumer<TopicPartition> watermarksMoved,
                    ReplicaManagerMetrics metrics) {
}
