package io.samsa.core.replication;

import com.codahale.metrics.Meter;
import io.samsa.common.TopicPartition;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.core.metrics.KafkaMetricName;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Kafka's {@code kafka.server:type=ReplicaManager} metrics: gauges counted over the hosted
 * partitions when read (LeaderCount, PartitionCount, UnderReplicatedPartitions,
 * UnderMinIsrPartitionCount, OfflineReplicaCount) and meters of ISR changes the controller
 * accepted (IsrShrinksPerSec, IsrExpandsPerSec). Thread-safe.
 */
final class ReplicaManagerMetrics {

    private static final String GROUP = "kafka.server";
    private static final String TYPE = "ReplicaManager";

    private final Meter isrShrinks;
    private final Meter isrExpands;

    ReplicaManagerMetrics(BrokerMetrics metrics, Supplier<Collection<Partition>> partitions, Supplier<Set<TopicPartition>> offline) {
        metrics.gauge(name("LeaderCount"), () -> count(partitions.get(), Partition::isLeader));
        metrics.gauge(name("PartitionCount"), () -> partitions.get().size());
        metrics.gauge(name("UnderReplicatedPartitions"), () -> count(partitions.get(), Partition::isUnderReplicated));
        metrics.gauge(name("UnderMinIsrPartitionCount"), () -> count(partitions.get(), Partition::isUnderMinIsr));
        metrics.gauge(name("OfflineReplicaCount"), () -> offline.get().size());
        isrShrinks = metrics.meter(name("IsrShrinksPerSec"));
        isrExpands = metrics.meter(name("IsrExpandsPerSec"));
    }

    private static KafkaMetricName name(String name) {
        return KafkaMetricName.of(GROUP, TYPE, name);
    }

    private static int count(Collection<Partition> partitions, Predicate<Partition> test) {
        int n = 0;
        for (Partition p : partitions) {
            if (test.test(p)) {
                n++;
            }
        }
        return n;
    }

    /** The controller accepted an ISR that drops replicas. */
    void isrShrunk() {
        isrShrinks.mark();
    }

    /** The controller accepted an ISR that adds a replica. */
    void isrExpanded() {
        isrExpands.mark();
    }
}
